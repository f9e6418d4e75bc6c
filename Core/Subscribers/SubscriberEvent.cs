namespace Sanatorium.Core.Subscribers;

/// <summary>What happened to a subscriber, shown as their history in the back office.</summary>
public enum SubscriberEventKind
{
    Subscribed,
    Confirmed,
    Unsubscribed,
    Imported,

    /// <summary>A mail to them was accepted by the SMTP server; <see cref="SubscriberEvent.Details"/> holds its subject.</summary>
    MailSent,

    /// <summary>The SMTP server refused a mail to them for good; <see cref="SubscriberEvent.Details"/> holds the subject and the reply.</summary>
    MailFailed,
}

/// <summary>One line of a subscriber's history. Erasing the subscriber erases their history.</summary>
public sealed class SubscriberEvent
{
    public const int MaxDetailsLength = 1000;

    private SubscriberEvent()
    {
    }

    public SubscriberEvent(long subscriberId, DateTimeOffset at, SubscriberEventKind kind, string details = "")
    {
        SubscriberId = subscriberId;
        At = at;
        Kind = kind;
        Details = details;
    }

    public long Id { get; private set; }

    public long SubscriberId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public SubscriberEventKind Kind { get; private set; }

    /// <summary>Free text: the page or import, who did it, the subject of a mail.</summary>
    public string Details { get; private set; } = "";
}
