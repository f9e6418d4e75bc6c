using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Core.Audit;

namespace Sanatorium.Web.Areas.Admin.Pages.Account;

/// <summary>
/// Logging out is a POST (with its antiforgery token), so no link on another site can do it. It
/// ends the session on the server too: a copy of the cookie stops working (and so do the person's
/// other sessions, see docs/decisions/0016-staff-sessions.md).
/// </summary>
public sealed class LogoutModel(SignInManager<ApplicationUser> signIn, StaffAccounts accounts) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await accounts.EndSessionsAsync(user, AuditActions.Logout);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/admin/account/login");
    }
}
