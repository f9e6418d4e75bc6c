using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Audit;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Accounts;

namespace Sanatorium.Web.Areas.Admin.Pages.Me;

/// <summary>The logged-in member of staff's own account: roles, password, two-factor authentication, sessions.</summary>
public sealed class IndexModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    StaffAccounts accounts,
    IStringLocalizer<AccountResource> text) : OwnAccountPageModel(users)
{
    public string Email { get; private set; } = "";

    public IList<string> Roles { get; private set; } = [];

    public bool TwoFactorEnabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public async Task OnGetAsync()
    {
        Email = CurrentUser.Email!;
        Roles = await Users.GetRolesAsync(CurrentUser);
        TwoFactorEnabled = CurrentUser.TwoFactorEnabled;
        RecoveryCodesLeft = TwoFactorEnabled ? await Users.CountRecoveryCodesAsync(CurrentUser) : 0;
    }

    /// <summary>Ends every session of this member of staff, in every browser, this one included.</summary>
    public async Task<IActionResult> OnPostLogOutEverywhereAsync()
    {
        var result = await accounts.EndSessionsAsync(CurrentUser, AuditActions.LogoutEverywhere);
        if (!result.Succeeded)
        {
            StatusMessage = text["IdentityDefaultError"];
            return RedirectToPage();
        }

        await signIn.SignOutAsync();
        StatusMessage = text["LoggedOutEverywhere"];
        return LocalRedirect("/admin/account/login");
    }
}
