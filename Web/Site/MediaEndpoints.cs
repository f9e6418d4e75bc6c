using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Web.Site;

internal static class MediaEndpoints
{
    /// <summary>Uploaded pictures at /media/{id}. An id never changes its bytes, so browsers may keep them for a year.</summary>
    public static void MapMedia(this IEndpointRouteBuilder app) =>
        app.MapMethods("/media/{id:guid}", ReadMethods.GetAndHead, async (Guid id, SanatoriumDbContext db, HttpContext context, CancellationToken cancellationToken) =>
        {
            var file = await db.MediaFiles.AsNoTracking()
                .Where(m => m.Id == id)
                .Select(m => new { m.ContentType, m.Data })
                .FirstOrDefaultAsync(cancellationToken);
            if (file is null)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.File(file.Data, file.ContentType, entityTag: new EntityTagHeaderValue($"\"{id:N}\""));
        });
}
