using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;
using Sanatorium.Core.Audit;

namespace Sanatorium.Web.Admin.Accounts;

/// <summary>
/// The second step of a login for staff with two-factor authentication on: the password was right,
/// now a code from the authenticator app or a recovery code. Without the first step (or after it
/// expired) the page says so and leads back to the login page.
/// </summary>
[EnableRateLimiting(RateLimits.Login)]
public abstract class SecondFactorPageModel(
    SignInManager<ApplicationUser> signIn,
    AuditLog audit,
    IStringLocalizer<AdminResource> adminText,
    IStringLocalizer<AccountResource> text) : AdminPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    /// <summary>No password was checked lately in this browser: start again from the login page.</summary>
    public bool Expired { get; private set; }

    /// <summary>The prefix of this page's strings in AccountResource (heading, label, hint, the other way in).</summary>
    public abstract string TextPrefix { get; }

    /// <summary>The page for the other kind of code.</summary>
    public abstract string OtherWayPage { get; }

    /// <summary>The keyboard a phone shows for the code.</summary>
    public abstract string InputMode { get; }

    /// <summary>How the code is checked, as the audit log records it.</summary>
    protected abstract string Method { get; }

    /// <summary>Checks the code of the member of staff whose password was right; a wrong one counts towards the lockout.</summary>
    protected abstract Task<SignInResult> SignInAsync(SignInManager<ApplicationUser> signIn, ApplicationUser user, string code);

    public async Task OnGetAsync() => Expired = await signIn.GetTwoFactorAuthenticationUserAsync() is null;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        Expired = user is null;
        if (user is null || !ModelState.IsValid)
        {
            return Page();
        }

        var email = user.Email!;
        var result = await SignInAsync(signIn, user, Input.Code.Replace(" ", ""));
        if (result.Succeeded)
        {
            await audit.RecordNowAsync(email, AuditActions.LoginSucceeded, email, Method);
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            await audit.RecordNowAsync(email, AuditActions.LoginLockedOut, email, Method);
            ModelState.AddModelError(
                string.Empty,
                StaffAccounts.IsLockedByAdministrator(user.LockoutEnd) ? text["LockedByAdministrator"] : adminText["LockedOut"]);
            return Page();
        }

        await audit.RecordNowAsync(email, AuditActions.LoginFailed, email, Method);
        ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Code)}", text["WrongCode"]);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "CodeRequired")]
        [StringLength(32, ErrorMessage = "CodeTooLong")]
        public string Code { get; set; } = "";
    }
}
