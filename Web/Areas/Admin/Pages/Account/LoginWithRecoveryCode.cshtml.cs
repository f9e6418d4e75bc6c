using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;

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

    protected override Task<SignInResult> SignInAsync(SignInManager<ApplicationUser> signIn, string code) =>
        signIn.TwoFactorRecoveryCodeSignInAsync(code.ToUpperInvariant());
}
