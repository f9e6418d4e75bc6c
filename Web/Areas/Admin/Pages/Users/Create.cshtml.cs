using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sanatorium.Core;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Accounts;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Areas.Admin.Pages.Users;

/// <summary>
/// A new member of staff: an e-mail, roles, and either an initial password (given to them in
/// person) or an e-mail with a link to set one.
/// </summary>
public sealed class CreateModel(
    StaffAccounts accounts,
    AccountEmails emails,
    IStringLocalizer<AccountResource> text) : AdminPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new() { Language = SiteLanguage.Current.Code() };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.Problem is { } problem)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Roles)}", text[problem]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = new ApplicationUser { UserName = Input.Email, Email = Input.Email, EmailConfirmed = true };
        var password = string.IsNullOrEmpty(Input.Password) ? null : Input.Password;
        var language = Languages.TryParse(Input.Language, out var chosen) ? chosen : Languages.Default;
        var result = await accounts.CreateAsync(User, user, password, Input.ChosenRoles, () => emails.AddInvitationAsync(user, language));
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(
                result,
                text,
                email: $"{nameof(Input)}.{nameof(Input.Email)}",
                newPassword: $"{nameof(Input)}.{nameof(Input.Password)}");
            return Page();
        }

        StatusMessage = text[password is null ? "UserInvited" : "UserCreated", user.Email!];
        return RedirectToPage("./Index");
    }

    public sealed class InputModel : RolesInput
    {
        [Required(ErrorMessage = "EmailRequired")]
        [EmailAddress(ErrorMessage = "EmailInvalid")]
        [StringLength(256, ErrorMessage = "EmailTooLong")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "InitialPassword")]
        public string? Password { get; set; }

        /// <summary>The language of the set-password e-mail.</summary>
        [Display(Name = "MailLanguage")]
        public string Language { get; set; } = "";
    }
}
