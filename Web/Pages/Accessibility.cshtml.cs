using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sanatorium.Web.Site;
using Sanatorium.Web.Site.Vision;

namespace Sanatorium.Web.Pages;

/// <summary>
/// Explains the version for the visually impaired (GET), and is where every control of its panel posts
/// (POST): the change goes into the cookie and the visitor returns to the page they were on.
/// </summary>
public sealed class AccessibilityModel(IStringLocalizer<SharedResource> text) : SitePageModel
{
    public void OnGet() =>
        Meta = new PageMeta(
            text["AccessibilityTitle"],
            text["AccessibilityDescription"],
            SiteUrls.Everywhere(SiteUrls.Accessibility));

    public IActionResult OnPost([FromForm] string? change, [FromForm] string? returnUrl)
    {
        var settings = HttpContext.Vision().Apply(change);
        Response.Save(settings);
        var page = Url.LocalOr(returnUrl, SiteUrls.Home(Lang)).Split('#')[0];
        return LocalRedirect(settings.IsOn ? page + "#" + VisionPanel.Id : page);
    }
}
