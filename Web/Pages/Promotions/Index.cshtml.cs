using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Sanatorium.Web.Site;
using Sanatorium.Web.Site.OutputCaching;

namespace Sanatorium.Web.Pages.Promotions;

[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class IndexModel(PromotionCards promotions, IStringLocalizer<SharedResource> text) : SitePageModel
{
    public IReadOnlyList<PromotionArticle> Current { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await promotions.CurrentAsync(Lang, cancellationToken);
        // An empty list is no page for search engines (nor in the sitemap), until a promotion runs.
        Meta = new PageMeta(text["PromotionsTitle"], text["PromotionsDescription"], SiteUrls.Everywhere(SiteUrls.Promotions), NoIndex: Current.Count == 0);
    }
}
