using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Site;
using Sanatorium.Web.Site.OutputCaching;

namespace Sanatorium.Web.Pages.Profiles;

[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class ShowModel(
    SanatoriumDbContext db,
    SlugRedirects redirects,
    TimeProvider time,
    IStringLocalizer<SharedResource> text) : SitePageModel
{
    public ProfileArticle Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var (lang, now) = (Lang, time.GetUtcNow());
        var visible = Translation.VisibleAt<ProfileTranslation>(now);
        var visibleTreatment = Translation.VisibleAt<TreatmentTranslation>(now);
        var page = await db.Profiles
            .Where(p => p.Translations.AsQueryable().Where(visible).Any(x => x.Language == lang && x.Slug == slug))
            .Select(p => new
            {
                Current = p.Translations
                    .Where(x => x.Language == lang)
                    .Select(x => new { x.Slug, x.Title, x.SeoTitle, x.Summary, x.MetaDescription })
                    .Single(),
                Paths = p.Translations.AsQueryable().Where(visible)
                    .Select(x => new { x.Language, x.Slug })
                    .ToList(),
                Treatments = p.Treatments.AsQueryable()
                    .OrderBy(t => t.SortOrder)
                    .SelectMany(t => t.Translations)
                    .Where(visibleTreatment)
                    .Where(x => x.Language == lang)
                    .Select(x => new { x.Slug, x.Title })
                    .ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (page is null)
        {
            return await redirects.CurrentSlugAsync(ContentKind.Profile, lang, slug, now, cancellationToken) is { } current
                ? RedirectPermanent(SiteUrls.Profile(lang, current))
                : NotFound();
        }

        Article = new ProfileArticle(
            page.Current.Title,
            page.Current.Summary,
            page.Treatments.Select(t => new Link(SiteUrls.Treatment(lang, t.Slug), t.Title)).ToList());
        Meta = new PageMeta(
            SeoTitles.Of(lang, page.Current.SeoTitle, page.Current.Title),
            page.Current.MetaDescription,
            page.Paths.ToDictionary(x => x.Language, x => SiteUrls.Profile(x.Language, x.Slug)))
        {
            IsArticle = true,
            Breadcrumbs = [new Link(SiteUrls.Home(lang), text["Home"]), new Link(SiteUrls.Profile(lang, page.Current.Slug), page.Current.Title)],
        };
        return Page();
    }
}
