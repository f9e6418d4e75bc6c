using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanatorium.Core;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Areas.Admin.Pages.Account;

/// <summary>The back office language, chosen by each member of staff and kept in a cookie (Russian by default).</summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnPost(string? language, string? returnUrl)
    {
        if (Languages.TryParse(language, out var chosen))
        {
            Response.Cookies.Append(SiteLanguage.AdminCookie, chosen.Code(), new CookieOptions
            {
                Path = "/admin",
                MaxAge = TimeSpan.FromDays(365),
                SameSite = SameSiteMode.Lax,
                HttpOnly = true,
                IsEssential = true,
            });
        }

        return LocalRedirect(Url.LocalOr(returnUrl, "/admin"));
    }
}
