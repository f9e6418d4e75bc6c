using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Admin;

/// <summary>A back office page: a status message survives the redirect after a POST.</summary>
public abstract class AdminPageModel : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The e-mail of the member of staff, as the audit log records it.</summary>
    protected string StaffName => User.Identity?.Name ?? "anonymous";

    /// <summary>Only an address on this site, percent-encoded for the Location header: a return URL that leaves it is ignored.</summary>
    protected string SafeReturnUrl(string? returnUrl) => Url.LocalOr(returnUrl, "/admin");
}
