using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Areas.Admin.Pages.Account;

/// <summary>
/// "Forgot your password?": a reset link goes to the address if it belongs to a member of staff,
/// and the page says the same either way, so it tells nobody which addresses do.
/// </summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class ForgotPasswordModel(
    UserManager<ApplicationUser> users,
    AccountEmails emails,
    AuditLog audit,
    IStringLocalizer<AccountResource> text) : AdminPageModel
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

        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            await audit.RecordNowAsync(Input.Email, "password.reset-requested", Input.Email, "no such member of staff");
        }
        else
        {
            await emails.SendPasswordResetAsync(user, SiteLanguage.Current);
            await audit.RecordNowAsync(Input.Email, "password.reset-requested", Input.Email);
        }

        StatusMessage = text["ResetLinkSent", Input.Email];
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "EmailRequired")]
        [EmailAddress(ErrorMessage = "EmailInvalid")]
        [StringLength(256, ErrorMessage = "EmailTooLong")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";
    }
}
