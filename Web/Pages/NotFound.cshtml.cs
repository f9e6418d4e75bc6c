using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Pages;

/// <summary>
/// The friendly 404 page. The status-code middleware re-executes it for any 404 without a body;
/// its language is the one of the address that was asked for.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class NotFoundModel(IStringLocalizer<SharedResource> text) : SitePageModel
{
    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        Meta = new PageMeta(
            text["NotFoundTitle"],
            text["NotFoundDescription"],
            SiteUrls.Everywhere(SiteUrls.Home),
            NoIndex: true);
    }
}
