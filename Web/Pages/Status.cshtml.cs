using Microsoft.Extensions.Localization;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Pages;

/// <summary>
/// The friendly page for an error status (404, 405, 413, 429, ...). The status-code middleware re-executes it
/// for any such response without a body, with the request's own method; its language is the one of the
/// address that was asked for.
/// </summary>
public sealed class StatusModel(IStringLocalizer<SharedResource> text) : ErrorPageModel
{
    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet()
    {
        (Heading, Explanation) = Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => (text["NotFoundTitle"], text["NotFoundText"]),
            StatusCodes.Status403Forbidden => (text["ForbiddenTitle"], text["ForbiddenText"]),
            StatusCodes.Status405MethodNotAllowed => (text["MethodNotAllowedTitle"], text["MethodNotAllowedText"]),
            StatusCodes.Status413PayloadTooLarge => (text["TooLargeTitle"], text["TooLargeText"]),
            StatusCodes.Status400BadRequest => (text["BadRequestTitle"], text["BadRequestText"]),
            StatusCodes.Status429TooManyRequests => (text["TooManyRequestsTitle"], text["TooManyRequestsText"]),
            _ => (text["ErrorTitle"].Value, text["ErrorText"].Value),
        };
        Meta = new PageMeta(Heading, Explanation, SiteUrls.Everywhere(SiteUrls.Home), NoIndex: true);
    }
}
