using Microsoft.Extensions.Localization;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Pages;

public sealed class AccessibilityModel(IStringLocalizer<SharedResource> text) : SitePageModel
{
    public void OnGet() =>
        Meta = new PageMeta(
            text["AccessibilityTitle"],
            text["AccessibilityDescription"],
            SiteUrls.Everywhere(SiteUrls.Accessibility));
}
