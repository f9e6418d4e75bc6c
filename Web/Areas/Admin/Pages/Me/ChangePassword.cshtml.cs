using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Audit;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Accounts;

namespace Sanatorium.Web.Areas.Admin.Pages.Me;

[EnableRateLimiting(RateLimits.Login)]
public sealed class ChangePasswordModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    StaffAccounts accounts,
    IStringLocalizer<AccountResource> text) : OwnAccountPageModel(users)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = CurrentUser;
        var result = await accounts.ChangeAsync(StaffName, AuditActions.PasswordChanged, user, () =>
            Users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword));
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(
                result,
                text,
                newPassword: $"{nameof(Input)}.{nameof(Input.NewPassword)}",
                currentPassword: $"{nameof(Input)}.{nameof(Input.CurrentPassword)}");
            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        StatusMessage = text["PasswordChanged"];
        return RedirectToPage("./Index");
    }

    public sealed class InputModel : NewPasswordInput
    {
        [Required(ErrorMessage = "PasswordRequired")]
        [DataType(DataType.Password)]
        [Display(Name = "CurrentPassword")]
        public string CurrentPassword { get; set; } = "";
    }
}
