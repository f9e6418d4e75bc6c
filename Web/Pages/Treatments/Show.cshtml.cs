using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Site;
using Sanatorium.Web.Site.OutputCaching;

namespace Sanatorium.Web.Pages.Treatments;

[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class ShowModel(
    SanatoriumDbContext db,
    SlugRedirects redirects,
    TimeProvider time,
    IStringLocalizer<SharedResource> text) : SitePageModel
{
    public TreatmentArticle Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var (lang, now) = (Lang, time.GetUtcNow());
        var visible = Translation.VisibleAt<TreatmentTranslation>(now);
        var visibleProfile = Translation.VisibleAt<ProfileTranslation>(now);
        var page = await db.Treatments
            .Where(t => t.Translations.AsQueryable().Where(visible).Any(x => x.Language == lang && x.Slug == slug))
            .Select(t => new
            {
                Current = t.Translations.Single(x => x.Language == lang),
                Paths = t.Translations.AsQueryable().Where(visible)
                    .Select(x => new { x.Language, x.Slug })
                    .ToList(),
                Profile = t.Profile.Translations.AsQueryable().Where(visibleProfile)
                    .Where(x => x.Language == lang)
                    .Select(x => new { x.Slug, x.Title })
                    .FirstOrDefault(),
            })
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        if (page is null)
        {
            return await redirects.CurrentSlugAsync(ContentKind.Treatment, lang, slug, now, cancellationToken) is { } current
                ? RedirectPermanent(SiteUrls.Treatment(lang, current))
                : NotFound();
        }

        var t = page.Current;
        Article = new TreatmentArticle(t, page.Profile is { } p ? new Link(SiteUrls.Profile(lang, p.Slug), p.Title) : null);
        Meta = new PageMeta(
            SeoTitles.Of(lang, t.SeoTitle, t.Title),
            t.MetaDescription,
            page.Paths.ToDictionary(x => x.Language, x => SiteUrls.Treatment(x.Language, x.Slug)))
        {
            IsArticle = true,
            Breadcrumbs = Article.Profile is { } profile
                ? [new Link(SiteUrls.Home(lang), text["Home"]), profile, new Link(SiteUrls.Treatment(lang, t.Slug), t.Title)]
                : [],
        };
        return Page();
    }
}
