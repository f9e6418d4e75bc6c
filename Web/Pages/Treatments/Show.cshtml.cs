using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Pages.Treatments;

public sealed class ShowModel(SanatoriumDbContext db, TimeProvider time) : SitePageModel
{
    public TreatmentTranslation Treatment { get; private set; } = null!;

    public Link? Profile { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var (lang, now) = (Lang, time.GetUtcNow());
        var page = await db.Treatments
            .Where(t => t.Translations.Any(x =>
                x.Language == lang && x.Slug == slug && x.PublishedAt != null && x.PublishedAt <= now))
            .Select(t => new
            {
                Current = t.Translations.Single(x => x.Language == lang),
                Paths = t.Translations
                    .Where(x => x.PublishedAt != null && x.PublishedAt <= now)
                    .Select(x => new { x.Language, x.Slug })
                    .ToList(),
                Profile = t.Profile.Translations
                    .Where(x => x.Language == lang && x.PublishedAt != null && x.PublishedAt <= now)
                    .Select(x => new { x.Slug, x.Title })
                    .FirstOrDefault(),
            })
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        Treatment = page.Current;
        Profile = page.Profile is { } p ? new Link(SiteUrls.Profile(lang, p.Slug), p.Title) : null;
        Meta = new PageMeta(
            Treatment.Title,
            Treatment.MetaDescription,
            page.Paths.ToDictionary(x => x.Language, x => SiteUrls.Treatment(x.Language, x.Slug)));
        return Page();
    }
}
