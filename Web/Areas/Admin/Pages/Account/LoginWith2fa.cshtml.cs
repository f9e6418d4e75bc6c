using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Accounts;

namespace Sanatorium.Web.Areas.Admin.Pages.Account;

/// <summary>The code from the authenticator app, after the password.</summary>
public sealed class LoginWith2faModel(
    SignInManager<ApplicationUser> signIn,
    AuditLog audit,
    IStringLocalizer<AdminResource> adminText,
    IStringLocalizer<AccountResource> text) : SecondFactorPageModel(signIn, audit, adminText, text)
{
    public override string TextPrefix => "Authenticator";

    public override string OtherWayPage => "./LoginWithRecoveryCode";

    public override string InputMode => "numeric";

    protected override string Method => "authenticator app";

    protected override Task<SignInResult> SignInAsync(SignInManager<ApplicationUser> signIn, ApplicationUser user, string code) =>
        signIn.TwoFactorAuthenticatorSignInAsync(code.Replace("-", ""), RememberMe, rememberClient: false);
}
