using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Sanatorium.Web.Admin.Accounts;

/// <summary>Identity's messages that staff can meet, in the back office's language.</summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<AccountResource> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), text["IdentityDefaultError"]);

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), text["IdentityConcurrencyFailure"]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), text["IdentityPasswordMismatch"]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), text["IdentityInvalidToken"]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), text["IdentityInvalidEmail"]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), text["IdentityInvalidEmail"]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), text["IdentityDuplicateEmail", email]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), text["IdentityDuplicateEmail", userName]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), text["IdentityPasswordTooShort", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), text["IdentityPasswordRequiresUniqueChars", uniqueChars]);

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), text["IdentityPasswordRequiresNonAlphanumeric"]);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), text["IdentityPasswordRequiresDigit"]);

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), text["IdentityPasswordRequiresLower"]);

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), text["IdentityPasswordRequiresUpper"]);

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Error(nameof(RecoveryCodeRedemptionFailed), text["IdentityRecoveryCodeRedemptionFailed"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
