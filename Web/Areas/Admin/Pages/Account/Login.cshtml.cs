using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Audit;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Accounts;

namespace Sanatorium.Web.Areas.Admin.Pages.Account;

/// <summary>
/// The first step of a staff login. Every refusal says the same words and takes about the same time,
/// whether the address belongs to nobody, the password is wrong or its check is paused
/// (<see cref="LoginThrottle"/>); only someone with the right password learns that an account is locked.
/// </summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class LoginModel(
    SignInManager<ApplicationUser> signIn,
    LoginThrottle throttle,
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

        var (user, failure) = await throttle.CheckAsync(Input.Email, Input.Password, HttpContext.KnownAccounts());
        if (user is null)
        {
            return await RefuseAsync(AuditActions.LoginFailed, failure, text["InvalidLogin"]);
        }

        HttpContext.RememberAccount(user.Id);
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await audit.RecordNowAsync(Input.Email, AuditActions.LoginSucceeded, Input.Email);
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl = SafeReturnUrl(ReturnUrl), Input.RememberMe });
        }

        return result.IsLockedOut
            ? await RefuseAsync(
                AuditActions.LoginLockedOut,
                "",
                StaffAccounts.IsLockedByAdministrator(user.LockoutEnd) ? accountText["LockedByAdministrator"] : text["LockedOut"])
            : await RefuseAsync(AuditActions.LoginFailed, "not allowed to log in", text["InvalidLogin"]);
    }

    private async Task<IActionResult> RefuseAsync(string action, string details, string message)
    {
        await audit.RecordNowAsync(Input.Email, action, Input.Email, details);
        ModelState.AddModelError(string.Empty, message);
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
