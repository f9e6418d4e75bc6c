using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Sanatorium.Infrastructure.Identity;

namespace Sanatorium.Web.Admin.Accounts;

internal static class IdentityErrors
{
    /// <summary>
    /// Puts what Identity refused next to the field it is about (the password, the e-mail), the
    /// rest with <paramref name="other"/> (by default above the form). Descriptions are already in the page's language (<see cref="LocalizedIdentityErrors"/>);
    /// the refusals of <see cref="StaffAccounts"/> are translated here.
    /// </summary>
    public static void AddIdentityErrors(
        this ModelStateDictionary modelState,
        IdentityResult result,
        IStringLocalizer<AccountResource> text,
        string email = "",
        string newPassword = "",
        string currentPassword = "",
        string other = "")
    {
        foreach (var error in result.Errors.DistinctBy(e => e.Description))
        {
            var field = error.Code switch
            {
                nameof(IdentityErrorDescriber.PasswordMismatch) => currentPassword,
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => newPassword,
                _ when error.Code.EndsWith("Email", StringComparison.Ordinal) || error.Code.EndsWith("UserName", StringComparison.Ordinal) => email,
                _ => other,
            };
            var message = error.Code is StaffAccounts.LastAdministrator or StaffAccounts.OwnAccount
                ? text[error.Code].Value
                : error.Description;
            modelState.AddModelError(field, message);
        }
    }
}
