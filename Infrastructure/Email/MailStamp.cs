using Microsoft.Extensions.Options;
using MimeKit;
using Sanatorium.Infrastructure.Options;

namespace Sanatorium.Infrastructure.Email;

/// <summary>
/// What every mail the site sends carries whoever sends it (the outbox or the campaign dispatcher):
/// the sender of <c>Smtp:FromAddress</c> unless it has one, the date, and a unique <c>Message-ID</c> in
/// the site's domain (MimeKit's default names the machine, which a spam filter holds against it).
/// </summary>
public sealed class MailStamp(IOptions<SmtpOptions> smtp, IOptions<SiteOptions> site, TimeProvider time)
{
    private readonly string domain = new Uri(site.Value.BaseUrl).IdnHost;

    /// <summary>Stamps <paramref name="message"/> and returns the time it was stamped with.</summary>
    public DateTimeOffset Apply(MimeMessage message)
    {
        if (message.From.Count == 0)
        {
            message.From.Add(new MailboxAddress(smtp.Value.FromName, smtp.Value.FromAddress));
        }

        var now = time.GetUtcNow();
        message.Date = now;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(domain);
        return now;
    }
}
