using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Infrastructure.Content;

/// <summary>Finds where a page's old address leads now, so that changed slugs keep working (301).</summary>
public sealed class SlugRedirects(SanatoriumDbContext db)
{
    /// <summary>The current published slug of the page that <paramref name="oldSlug"/> used to name, or null.</summary>
    public async Task<string?> CurrentSlugAsync(
        ContentKind kind,
        Language language,
        string oldSlug,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var id = await db.SlugRedirects
            .Where(r => r.Kind == kind && r.Language == language && r.OldSlug == oldSlug)
            .Select(r => (int?)r.EntityId)
            .FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await ContentSet.For(db, kind).PublishedSlugAsync(id.Value, language, now, cancellationToken);
    }
}
