using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;

namespace Sanatorium.Web.Areas.Admin.Pages.Me;

/// <summary>
/// Recovery codes, for logging in without the phone: shown once, right after they are made, and
/// never again; new ones replace the old ones.
/// </summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class RecoveryCodesModel(
    UserManager<ApplicationUser> users,
    StaffAccounts accounts,
    IStringLocalizer<AccountResource> text) : OwnAccountPageModel(users)
{
    public const int Count = 10;

    public const string TempDataKey = "RecoveryCodes";

    /// <summary>The codes just made, read once from TempData; empty on any later visit.</summary>
    public string[] NewCodes { get; private set; } = [];

    public bool TwoFactorEnabled { get; private set; }

    public int CodesLeft { get; private set; }

    public async Task OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        NewCodes = TempData[TempDataKey] as string[] ?? [];
        var user = await CurrentUserAsync();
        TwoFactorEnabled = user.TwoFactorEnabled;
        CodesLeft = TwoFactorEnabled ? await Users.CountRecoveryCodesAsync(user) : 0;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await CurrentUserAsync();
        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage("./Index");
        }

        string[] codes = [];
        var result = await accounts.ChangeAsync(StaffName, "2fa.recovery-codes-generated", user, async () =>
        {
            codes = (await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, Count))?.ToArray() ?? [];
            return codes.Length > 0 ? IdentityResult.Success : IdentityResult.Failed(Users.ErrorDescriber.DefaultError());
        });
        TempData[TempDataKey] = codes;
        StatusMessage = result.Succeeded ? text["RecoveryCodesGenerated"] : text["IdentityDefaultError"];
        return RedirectToPage();
    }
}
