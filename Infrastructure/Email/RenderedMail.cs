using MimeKit;
using Sanatorium.Core;

namespace Sanatorium.Infrastructure.Email;

/// <summary>A mail as Web renders it: subject, HTML part and plain-text part, in one language.</summary>
public sealed record RenderedMail(Language Language, string Subject, string Html, string Text)
{
    /// <summary>The message to one address: text with the HTML alternative, its language in Content-Language.</summary>
    public MimeMessage ToMessage(string to)
    {
        var message = new MimeMessage { Subject = Subject };
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add(HeaderId.ContentLanguage, Language.Code());
        message.Body = new BodyBuilder { TextBody = Text, HtmlBody = Html }.ToMessageBody();
        return message;
    }
}
