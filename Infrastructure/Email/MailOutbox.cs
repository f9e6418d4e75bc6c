using Microsoft.Extensions.Options;
using MimeKit;
using Sanatorium.Core.Mail;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Options;

namespace Sanatorium.Infrastructure.Email;

/// <summary>
/// Puts a finished message in the outbox table through the caller's context, so it is written in
/// the same transaction (the same SaveChanges) as the change that causes it.
/// </summary>
public sealed class MailOutbox(SanatoriumDbContext db, IOptions<SmtpOptions> smtp, TimeProvider time)
{
    public OutboxMessage Add(MimeMessage message, long? subscriberId = null)
    {
        if (message.From.Count == 0)
        {
            message.From.Add(new MailboxAddress(smtp.Value.FromName, smtp.Value.FromAddress));
        }

        var now = time.GetUtcNow();
        message.Date = now;
        if (string.IsNullOrEmpty(message.MessageId))
        {
            message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(smtp.Value.FromAddress.Split('@')[^1]);
        }

        using var content = new MemoryStream();
        message.WriteTo(content);
        var entry = new OutboxMessage(
            Truncate(message.To.ToString(), OutboxMessage.MaxRecipientLength),
            Truncate(message.Subject ?? "", OutboxMessage.MaxSubjectLength),
            content.ToArray(),
            now,
            subscriberId);
        db.OutboxMessages.Add(entry);
        return entry;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
