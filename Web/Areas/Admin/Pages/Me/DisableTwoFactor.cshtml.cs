using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Audit;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Accounts;

namespace Sanatorium.Web.Areas.Admin.Pages.Me;

/// <summary>
/// Switches two-factor login off, after the password is typed again (an open session alone is not
/// enough). The shared key is replaced too, so the app's old entry stops working and a later
/// set-up starts afresh (a new phone, say).
/// </summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class DisableTwoFactorModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    StaffAccounts accounts,
    IStringLocalizer<AccountResource> text) : OwnAccountPageModel(users)
{
    [BindProperty]
    public CurrentPasswordInput Input { get; set; } = new();

    public bool TwoFactorEnabled => CurrentUser.TwoFactorEnabled;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = CurrentUser;
        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage("./Index");
        }

        if (!ModelState.IsValid || !await PasswordConfirmedAsync(Input.CurrentPassword, $"{nameof(Input)}.{nameof(Input.CurrentPassword)}"))
        {
            return Page();
        }

        var result = await accounts.ChangeAsync(StaffName, AuditActions.TwoFactorDisabled, user, async () =>
        {
            var disabled = await Users.SetTwoFactorEnabledAsync(user, false);
            return disabled.Succeeded ? await Users.ResetAuthenticatorKeyAsync(user) : disabled;
        });
        if (result.Succeeded)
        {
            await signIn.RefreshSignInAsync(user);
        }

        StatusMessage = result.Succeeded ? text["TwoFactorDisabled"] : text["IdentityDefaultError"];
        return RedirectToPage("./Index");
    }
}
