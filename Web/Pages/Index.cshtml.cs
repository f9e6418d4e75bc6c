using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Site;
using Sanatorium.Web.Site.OutputCaching;

namespace Sanatorium.Web.Pages;

[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class IndexModel(
    SanatoriumDbContext db,
    PromotionCards promotions,
    TimeProvider time,
    IStringLocalizer<SharedResource> text) : SitePageModel
{
    public IReadOnlyList<ProfileItem> Profiles { get; private set; } = [];

    public IReadOnlyList<PromotionArticle> Promotions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (lang, now) = (Lang, time.GetUtcNow());
        var visible = Translation.VisibleAt<ProfileTranslation>(now);
        var visibleTreatment = Translation.VisibleAt<TreatmentTranslation>(now);
        var profiles = await db.Profiles
            .OrderBy(p => p.SortOrder)
            .Select(p => new
            {
                Translation = p.Translations.AsQueryable().Where(visible)
                    .Where(t => t.Language == lang)
                    .Select(t => new { t.Slug, t.Title })
                    .FirstOrDefault(),
                Treatments = p.Treatments.AsQueryable()
                    .OrderBy(t => t.SortOrder)
                    .SelectMany(t => t.Translations)
                    .Where(visibleTreatment)
                    .Where(t => t.Language == lang)
                    .Select(t => new Link(SiteUrls.Treatment(lang, t.Slug), t.Title))
                    .ToList(),
            })
            .ToListAsync(cancellationToken);

        Profiles = profiles
            .Where(p => p.Translation is not null)
            .Select(p => new ProfileItem(
                new Link(SiteUrls.Profile(lang, p.Translation!.Slug), p.Translation.Title),
                p.Treatments))
            .ToList();
        Promotions = await promotions.CurrentAsync(lang, cancellationToken);
        Meta = new PageMeta(text["HomeTitle"], text["HomeDescription"], SiteUrls.Everywhere(SiteUrls.Home));
    }

    public sealed record ProfileItem(Link Profile, IReadOnlyList<Link> Treatments);
}
