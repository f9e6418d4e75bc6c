using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;

namespace Sanatorium.Web.Site;

internal static class MediaEndpoints
{
    /// <summary>
    /// Uploaded pictures at /media/{id}. Visitors get the pictures of published promotions only; staff who
    /// edit content also get those of drafts, for the preview (see docs/decisions/0009-promotion-pictures.md).
    /// An id never changes its bytes, so browsers and caches may keep a published picture for a year.
    /// </summary>
    public static void MapMedia(this IEndpointRouteBuilder app) =>
        app.MapMethods("/media/{id:guid}", ReadMethods.GetAndHead, async (
            Guid id,
            SanatoriumDbContext db,
            IAuthorizationService authorization,
            TimeProvider time,
            HttpContext context,
            CancellationToken cancellationToken) =>
        {
            var visible = Translation.VisibleAt<PromotionTranslation>(time.GetUtcNow());
            var file = await db.MediaFiles.AsNoTracking()
                .Where(m => m.Id == id)
                .Select(m => new
                {
                    m.ContentType,
                    m.Data,
                    Published = db.Promotions.Any(p => p.ImageId == m.Id && p.Translations.AsQueryable().Any(visible)),
                })
                .FirstOrDefaultAsync(cancellationToken);
            if (file is null
                || (!file.Published && !(await authorization.AuthorizeAsync(context.User, AdminAccess.Content)).Succeeded))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = file.Published ? "public, max-age=31536000, immutable" : "private, no-store";
            return Results.File(file.Data, file.ContentType, entityTag: new EntityTagHeaderValue($"\"{id:N}\""));
        });
}
