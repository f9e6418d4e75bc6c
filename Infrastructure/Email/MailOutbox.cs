using MimeKit;
using Sanatorium.Core;
using Sanatorium.Core.Mail;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Infrastructure.Email;

/// <summary>
/// Puts a finished message in the outbox table through the caller's context, so it is written in
/// the same transaction (the same SaveChanges) as the change that causes it, stamped with its sender,
/// date and <c>Message-ID</c> (<see cref="MailStamp"/>).
/// </summary>
public sealed class MailOutbox(SanatoriumDbContext db, MailStamp stamp)
{
    public OutboxMessage Add(MimeMessage message, long? subscriberId = null)
    {
        var now = stamp.Apply(message);
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
