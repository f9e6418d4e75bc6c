using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Accounts;

namespace Sanatorium.Web.Areas.Admin.Pages.Account;

/// <summary>A recovery code instead of the app's code (the phone is lost, say); each code works once.</summary>
public sealed class LoginWithRecoveryCodeModel(
    SignInManager<ApplicationUser> signIn,
    AuditLog audit,
    IStringLocalizer<AdminResource> adminText,
    IStringLocalizer<AccountResource> text) : SecondFactorPageModel(signIn, audit, adminText, text)
{
    public override string TextPrefix => "Recovery";

    public override string OtherWayPage => "./LoginWith2fa";

    public override string InputMode => "text";

    protected override string Method => "recovery code";

    /// <summary>
    /// Identity's recovery-code sign-in neither looks at a lockout nor counts a wrong code
    /// (dotnet/aspnetcore#17184); here a recovery code is refused and counted like the app's code.
    /// </summary>
    protected override async Task<SignInResult> SignInAsync(SignInManager<ApplicationUser> signIn, ApplicationUser user, string code)
    {
        var users = signIn.UserManager;
        if (await users.IsLockedOutAsync(user))
        {
            return SignInResult.LockedOut;
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code.ToUpperInvariant());
        if (result.Succeeded)
        {
            return result;
        }

        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user) ? SignInResult.LockedOut : result;
    }
}
