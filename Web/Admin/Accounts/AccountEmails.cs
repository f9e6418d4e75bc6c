using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sanatorium.Core;
using Sanatorium.Infrastructure.Email;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Infrastructure.Options;
using Sanatorium.Web.Email;

namespace Sanatorium.Web.Admin.Accounts;

/// <summary>
/// The e-mails that carry a link to set a password: "forgot your password" and the invitation of a
/// new member of staff. Text with an HTML alternative (<see cref="LinkMailView"/>), in the language
/// given, the link absolute (from <c>Site:BaseUrl</c>) to the reset page. The mail is rendered here, in
/// the request, and put in the outbox finished (docs/decisions/0017-where-code-lives.md): it is sent
/// when the caller saves its change (docs/decisions/0018-mail-outbox.md).
/// </summary>
public sealed class AccountEmails(
    UserManager<ApplicationUser> users,
    MailOutbox outbox,
    MailRenderer renderer,
    IOptions<SiteOptions> site,
    IOptions<DataProtectionTokenProviderOptions> tokens,
    IStringLocalizer<AccountResource> text)
{
    public const string ResetPasswordPath = "/admin/account/resetpassword";

    public Task AddPasswordResetAsync(ApplicationUser user, Language language) =>
        AddAsync(user, language, "ResetMail");

    public Task AddInvitationAsync(ApplicationUser user, Language language) =>
        AddAsync(user, language, "InvitationMail");

    /// <summary>The reset token as it travels in a URL (Identity's tokens hold characters a URL does not keep).</summary>
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token back from <see cref="EncodeToken"/>, or null when the link was damaged.</summary>
    public static string? DecodeToken(string? code)
    {
        try
        {
            return string.IsNullOrEmpty(code) ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private async Task AddAsync(ApplicationUser user, Language language, string kind)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = site.Value.Absolute(
            $"{ResetPasswordPath}?user={Uri.EscapeDataString(user.Id)}&code={EncodeToken(token)}");
        var to = user.Email!;
        var rendered = await renderer.RenderAsync<LinkMailView, LinkMail>(language, () => new LinkMail(
            Subject: text[kind + "Subject"],
            Intro: text[kind + "Intro", to],
            Action: text[kind + "Action"],
            Link: link,
            Lifetime: text[kind + "Lifetime", (int)tokens.Value.TokenLifespan.TotalHours]));
        outbox.Add(rendered.ToMessage(to));
    }
}
