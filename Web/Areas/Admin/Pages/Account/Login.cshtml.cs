using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;

namespace Sanatorium.Web.Areas.Admin.Pages.Account;

[EnableRateLimiting(RateLimits.Login)]
public sealed class LoginModel(
    SignInManager<ApplicationUser> signIn,
    AuditLog audit,
    IStringLocalizer<AdminResource> text,
    IStringLocalizer<AccountResource> accountText) : AdminPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordNowAsync(Input.Email, "login.succeeded", Input.Email);
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl = SafeReturnUrl(ReturnUrl), Input.RememberMe });
        }

        if (result.IsLockedOut)
        {
            await audit.RecordNowAsync(Input.Email, "login.locked-out", Input.Email);
            var user = await signIn.UserManager.FindByEmailAsync(Input.Email);
            ModelState.AddModelError(
                string.Empty,
                user is not null && StaffAccounts.IsLockedByAdministrator(user.LockoutEnd) ? accountText["LockedByAdministrator"] : text["LockedOut"]);
            return Page();
        }

        await audit.RecordNowAsync(Input.Email, "login.failed", Input.Email);
        ModelState.AddModelError(string.Empty, text["InvalidLogin"]);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "EmailRequired")]
        [EmailAddress(ErrorMessage = "EmailInvalid")]
        [StringLength(256, ErrorMessage = "EmailTooLong")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "PasswordRequired")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "RememberMe")]
        public bool RememberMe { get; set; }
    }
}
