using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Audit;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Accounts;

namespace Sanatorium.Web.Areas.Admin.Pages.Account;

/// <summary>
/// A new password through the link of a reset or invitation e-mail. The link works once and for a
/// limited time; a used, expired or damaged one is told plainly, with the way to a new one.
/// </summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class ResetPasswordModel(
    UserManager<ApplicationUser> users,
    StaffAccounts accounts,
    IStringLocalizer<AccountResource> text) : AdminPageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    /// <summary>The link lacks its parts: nothing to do here but ask for a new one.</summary>
    public bool LinkBroken => string.IsNullOrEmpty(UserId) || AccountEmails.DecodeToken(Code) is null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (LinkBroken || !ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByIdAsync(UserId!);
        var result = user is null
            ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken())
            : await accounts.ChangeAsync(user.Email!, AuditActions.PasswordReset, user, () =>
                users.ResetPasswordAsync(user, AccountEmails.DecodeToken(Code)!, Input.NewPassword));
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, text, newPassword: $"{nameof(Input)}.{nameof(Input.NewPassword)}");
            return Page();
        }

        StatusMessage = text["PasswordResetDone"];
        return Redirect("/admin/account/login");
    }
}
