using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Identity;

namespace Sanatorium.Web.Areas.Admin.Pages.Account;

/// <summary>Logging out is a POST (with its antiforgery token), so no link on another site can do it.</summary>
public sealed class LogoutModel(SignInManager<ApplicationUser> signIn, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordNowAsync(User.Identity.Name!, "logout", User.Identity.Name!);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/admin/account/login");
    }
}
