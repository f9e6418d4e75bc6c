using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Newsletter;

internal static class CampaignLinkEndpoint
{
    /// <summary>
    /// A reader clicks a link in campaign mail: GET counts the click (one UPDATE by key, no read
    /// before it, so clicks at once are all counted) and answers 302 to the stored address; HEAD (link
    /// checkers, mail scanners) gets the same answer without counting. A token this site did not make,
    /// or one for a link that no longer exists, is the 404 page, never a redirect. No cookie is read
    /// or set, and nothing is stored about the reader.
    /// </summary>
    public static void MapCampaignLinks(this IEndpointRouteBuilder app) =>
        app.MapMethods(CampaignLinks.Path + "{token}", ReadMethods.GetAndHead, async (
            string token,
            CampaignLinks links,
            SanatoriumDbContext db,
            HttpContext context,
            CancellationToken cancellationToken) =>
        {
            if (links.Read(token) is not { } id)
            {
                return Results.NotFound();
            }

            var target = HttpMethods.IsGet(context.Request.Method)
                ? (await db.Database
                    .SqlQuery<string>($"""UPDATE "CampaignLinks" SET "Clicks" = "Clicks" + 1 WHERE "Id" = {id} RETURNING "Url" AS "Value" """)
                    .ToListAsync(cancellationToken)).FirstOrDefault()
                : await db.CampaignLinks.Where(l => l.Id == id).Select(l => l.Url).FirstOrDefaultAsync(cancellationToken);
            if (target is null)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "no-store";
            return Results.Redirect(target);
        });
}
