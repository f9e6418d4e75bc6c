using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Site;
using Sanatorium.Web.Site.OutputCaching;

namespace Sanatorium.Web.Pages.Info;

[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class ShowModel(SanatoriumDbContext db, SlugRedirects redirects, TimeProvider time) : SitePageModel
{
    public InfoArticle Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var (lang, now) = (Lang, time.GetUtcNow());
        var visible = Translation.VisibleAt<InfoPageTranslation>(now);
        var page = await db.InfoPages
            .Where(p => p.Translations.AsQueryable().Where(visible).Any(x => x.Language == lang && x.Slug == slug))
            .Select(p => new
            {
                Current = p.Translations
                    .Where(x => x.Language == lang)
                    .Select(x => new { x.Title, x.SeoTitle, x.Body, x.MetaDescription })
                    .Single(),
                Paths = p.Translations.AsQueryable().Where(visible)
                    .Select(x => new { x.Language, x.Slug })
                    .ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (page is null)
        {
            return await redirects.CurrentSlugAsync(ContentKind.InfoPage, lang, slug, now, cancellationToken) is { } current
                ? RedirectPermanent(SiteUrls.Info(lang, current))
                : NotFound();
        }

        Article = new InfoArticle(page.Current.Title, page.Current.Body);
        Meta = new PageMeta(
            SeoTitles.Of(lang, page.Current.SeoTitle, page.Current.Title),
            page.Current.MetaDescription,
            page.Paths.ToDictionary(x => x.Language, x => SiteUrls.Info(x.Language, x.Slug)))
        {
            IsArticle = true,
        };
        return Page();
    }
}
