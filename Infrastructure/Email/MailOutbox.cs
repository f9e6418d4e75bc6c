using Microsoft.Extensions.Options;
using MimeKit;
using Sanatorium.Core;
using Sanatorium.Core.Mail;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Options;

namespace Sanatorium.Infrastructure.Email;

/// <summary>
/// Puts a finished message in the outbox table through the caller's context, so it is written in
/// the same transaction (the same SaveChanges) as the change that causes it. It gives the message
/// its sender, date and a unique <c>Message-ID</c> in the site's domain (MimeKit's default names the
/// machine, which a spam filter holds against it).
/// </summary>
public sealed class MailOutbox(SanatoriumDbContext db, IOptions<SmtpOptions> smtp, IOptions<SiteOptions> site, TimeProvider time)
{
    public OutboxMessage Add(MimeMessage message, long? subscriberId = null)
    {
        if (message.From.Count == 0)
        {
            message.From.Add(new MailboxAddress(smtp.Value.FromName, smtp.Value.FromAddress));
        }

        var now = time.GetUtcNow();
        message.Date = now;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(new Uri(site.Value.BaseUrl).IdnHost);

        using var content = new MemoryStream();
        message.WriteTo(content);
        var entry = new OutboxMessage(
            message.To.ToString().AtMost(OutboxMessage.MaxRecipientLength),
            (message.Subject ?? "").AtMost(OutboxMessage.MaxSubjectLength),
            content.ToArray(),
            now,
            subscriberId);
        db.OutboxMessages.Add(entry);
        return entry;
    }
}
