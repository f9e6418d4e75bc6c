using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using Sanatorium.Core;
using Sanatorium.Infrastructure.Email;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Infrastructure.Options;

namespace Sanatorium.Web.Admin;

/// <summary>
/// The e-mails that carry a link to set a password: "forgot your password" and the invitation of a
/// new member of staff. Text with an HTML alternative, in the language given, the link absolute
/// (from <c>Site:BaseUrl</c>) to the reset page.
/// </summary>
public sealed class AccountEmails(
    UserManager<ApplicationUser> users,
    BackgroundMail mail,
    IOptions<SiteOptions> site,
    IOptions<DataProtectionTokenProviderOptions> tokens,
    IStringLocalizer<AccountResource> text)
{
    public const string ResetPasswordPath = "/admin/account/resetpassword";

    public Task SendPasswordResetAsync(ApplicationUser user, Language language) =>
        SendAsync(user, language, "ResetMail");

    public Task SendInvitationAsync(ApplicationUser user, Language language) =>
        SendAsync(user, language, "InvitationMail");

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

    private async Task SendAsync(ApplicationUser user, Language language, string kind)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = site.Value.Absolute(
            $"{ResetPasswordPath}?user={Uri.EscapeDataString(user.Id)}&code={EncodeToken(token)}");
        mail.Enqueue(Compose(user.Email!, language, kind, link));
    }

    private MimeMessage Compose(string to, Language language, string kind, string link)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language.Code());
        try
        {
            var (intro, action, lifetime) = (
                text[kind + "Intro", to].Value,
                text[kind + "Action"].Value,
                text[kind + "Lifetime", (int)tokens.Value.TokenLifespan.TotalHours].Value);
            var html = HtmlEncoder.Default;
            var message = new MimeMessage { Subject = text[kind + "Subject"] };
            message.To.Add(MailboxAddress.Parse(to));
            message.Headers.Add(HeaderId.ContentLanguage, language.Code());
            message.Body = new BodyBuilder
            {
                TextBody = $"{intro}\n\n{action}:\n{link}\n\n{lifetime}\n",
                HtmlBody = $"""
                    <!DOCTYPE html>
                    <html lang="{language.Code()}">
                    <body>
                    <p>{html.Encode(intro)}</p>
                    <p><a href="{html.Encode(link)}">{html.Encode(action)}</a></p>
                    <p>{html.Encode(lifetime)}</p>
                    </body>
                    </html>
                    """,
            }.ToMessageBody();
            return message;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
