using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Pages;

/// <summary>
/// The friendly page for an error status (404, 403, ...). The status-code middleware re-executes it
/// for any such response without a body; its language is the one of the address that was asked for.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<SharedResource> text) : SitePageModel
{
    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        Response.StatusCode = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        (Heading, Explanation) = Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => (text["NotFoundTitle"], text["NotFoundText"]),
            StatusCodes.Status403Forbidden => (text["ForbiddenTitle"], text["ForbiddenText"]),
            _ => (text["ErrorTitle"].Value, text["ErrorText"].Value),
        };
        Meta = new PageMeta(Heading, Explanation, SiteUrls.Everywhere(SiteUrls.Home), NoIndex: true);
    }
}
