using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Pages;

/// <summary>What a visitor sees when the site fails; the details go to the log.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SharedResource> text) : ErrorPageModel
{
    public void OnGet() =>
        Meta = new PageMeta(
            text["ErrorTitle"],
            text["ErrorText"],
            SiteUrls.Everywhere(SiteUrls.Home),
            NoIndex: true);
}
