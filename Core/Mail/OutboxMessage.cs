namespace Sanatorium.Core.Mail;

/// <summary>
/// A finished MIME message waiting to be sent: written in the same transaction as the change that
/// causes it and deleted when the SMTP server has accepted it, so an outage or a restart delays mail
/// and never loses it (DESIGN.md, "Mail and newsletters"). A message the server refuses for good
/// (a 5xx reply) stays, marked <see cref="FailedAt"/>, with the reply.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxRecipientLength = 320;

    public const int MaxSubjectLength = 400;

    public const int MaxErrorLength = 2000;

    private OutboxMessage()
    {
    }

    public OutboxMessage(string recipient, string subject, byte[] content, DateTimeOffset createdAt, long? subscriberId)
    {
        Recipient = recipient;
        Subject = subject;
        Content = content;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        SubscriberId = subscriberId;
    }

    public long Id { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>For the logs and the back office; the message itself carries its own headers.</summary>
    public string Recipient { get; private set; } = "";

    public string Subject { get; private set; } = "";

    /// <summary>The message as MimeKit writes it.</summary>
    public byte[] Content { get; private set; } = [];

    /// <summary>The subscriber it goes to, if any: their history gets a line when it is sent; erasing them drops it.</summary>
    public long? SubscriberId { get; private set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>A sender that claimed the message holds it until then; after that another may take it.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>The SMTP server's reply or the connection error of the last failed attempt.</summary>
    public string? LastError { get; set; }

    /// <summary>When the server refused the message for good; it is not tried again.</summary>
    public DateTimeOffset? FailedAt { get; set; }
}
