using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sanatorium.Infrastructure.Options;
using Sanatorium.Web.Newsletter;
using Sanatorium.Web.Site;
using Sanatorium.Web.Site.OutputCaching;
using Sanatorium.Web.Site.Vision;

namespace Sanatorium.Web.Pages;

/// <summary>
/// Explains the version for the visually impaired (GET), and is where every control of its panel posts
/// (POST): the change goes into the cookie and the visitor returns to the page they were on. The forms
/// carry no antiforgery token, so that the pages they are on can come from the output cache: a change
/// a browser says was sent from another site is refused instead (<see cref="CrossSite"/>; it could only
/// change how the site looks to that visitor, docs/decisions/0029-output-cache.md).
/// </summary>
[IgnoreAntiforgeryToken]
[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class AccessibilityModel(IStringLocalizer<SharedResource> text, IOptions<SiteOptions> site) : SitePageModel
{
    /// <summary>The change was refused because another site sent it.</summary>
    public bool CrossSiteRefused { get; private set; }

    public void OnGet() => Describe();

    public IActionResult OnPost([FromForm] string? change, [FromForm] string? returnUrl)
    {
        if (!Request.HasFormContentType)
        {
            return BadRequest();
        }

        if (CrossSite.IsCrossSite(Request, site.Value))
        {
            Describe();
            CrossSiteRefused = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var settings = HttpContext.Vision().Apply(change);
        Response.Save(settings);
        var page = Url.LocalOr(returnUrl, SiteUrls.Home(Lang)).Split('#')[0];
        return LocalRedirect(settings.IsOn ? page + "#" + VisionPanel.Id : page);
    }

    private void Describe() =>
        Meta = new PageMeta(
            text["AccessibilityTitle"],
            text["AccessibilityDescription"],
            SiteUrls.Everywhere(SiteUrls.Accessibility));
}
