using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Site;
using Sanatorium.Web.Site.OutputCaching;

namespace Sanatorium.Web.Pages.Promotions;

/// <summary>One promotion, while it runs; before its first day and after its last it is 404.</summary>
[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class ShowModel(
    SanatoriumDbContext db,
    SlugRedirects redirects,
    TimeProvider time,
    IStringLocalizer<SharedResource> text) : SitePageModel
{
    public PromotionArticle Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var (lang, now, today) = (Lang, time.GetUtcNow(), ResortClock.Today(time));
        var visible = Translation.VisibleAt<PromotionTranslation>(now);
        var page = await db.Promotions
            .Where(Promotion.RunningOn(today))
            .Where(p => p.Translations.AsQueryable().Where(visible).Any(x => x.Language == lang && x.Slug == slug))
            .Select(p => new
            {
                p.ImageId,
                p.StartsOn,
                p.EndsOn,
                Current = p.Translations.Single(x => x.Language == lang),
                Paths = p.Translations.AsQueryable().Where(visible)
                    .Select(x => new { x.Language, x.Slug })
                    .ToList(),
            })
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        if (page is null)
        {
            return await redirects.CurrentSlugAsync(ContentKind.Promotion, lang, slug, now, cancellationToken) is { } current
                ? RedirectPermanent(SiteUrls.Promotion(lang, current))
                : NotFound();
        }

        var t = page.Current;
        Article = new PromotionArticle(t.Title, SiteUrls.Promotion(lang, t.Slug), t.Text, page.ImageId, t.ImageAlt, page.StartsOn, page.EndsOn);
        Meta = new PageMeta(
            SeoTitles.Of(lang, t.SeoTitle, t.Title),
            t.MetaDescription,
            page.Paths.ToDictionary(x => x.Language, x => SiteUrls.Promotion(x.Language, x.Slug)))
        {
            IsArticle = true,
            Image = page.ImageId is { } image ? SiteUrls.Media(image) : null,
            Breadcrumbs =
            [
                new Link(SiteUrls.Home(lang), text["Home"]),
                new Link(SiteUrls.Promotions(lang), text["PromotionsHeading"]),
                new Link(Article.Href, t.Title),
            ],
        };
        return Page();
    }
}
