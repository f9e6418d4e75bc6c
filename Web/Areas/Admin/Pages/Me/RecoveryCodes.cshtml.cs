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
/// Recovery codes, for logging in without the phone: shown once, right after they are made, and
/// never again; new ones replace the old ones, after the password is typed again.
/// </summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class RecoveryCodesModel(
    UserManager<ApplicationUser> users,
    StaffAccounts accounts,
    IStringLocalizer<AccountResource> text) : OwnAccountPageModel(users)
{
    public const int Count = 10;

    public const string TempDataKey = "RecoveryCodes";

    [BindProperty]
    public CurrentPasswordInput Input { get; set; } = new();

    /// <summary>The codes just made, read once from TempData; empty on any later visit.</summary>
    public string[] NewCodes { get; private set; } = [];

    public bool TwoFactorEnabled => CurrentUser.TwoFactorEnabled;

    public int CodesLeft { get; private set; }

    public async Task OnGetAsync()
    {
        NewCodes = TempData[TempDataKey] as string[] ?? [];
        await LoadAsync();
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
            await LoadAsync();
            return Page();
        }

        string[] codes = [];
        var result = await accounts.ChangeAsync(StaffName, AuditActions.RecoveryCodesGenerated, user, async () =>
        {
            codes = (await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, Count))?.ToArray() ?? [];
            return codes.Length > 0 ? IdentityResult.Success : IdentityResult.Failed(Users.ErrorDescriber.DefaultError());
        });
        TempData[TempDataKey] = codes;
        StatusMessage = result.Succeeded ? text["RecoveryCodesGenerated"] : text["IdentityDefaultError"];
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Response.Headers.CacheControl = "no-store";
        CodesLeft = TwoFactorEnabled ? await Users.CountRecoveryCodesAsync(CurrentUser) : 0;
    }
}
