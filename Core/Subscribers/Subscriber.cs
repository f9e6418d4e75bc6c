namespace Sanatorium.Core.Subscribers;

/// <summary>
/// One address on the promotions newsletter list, with its consent record (152-FZ): when it was
/// given, on which page or by which import, in which language, and a keyed hash of the IP address
/// it came from (never the IP address itself). The address is stored normalised
/// (<see cref="SubscriberEmail.TryNormalize"/>), so it is unique case-insensitively.
/// </summary>
public sealed class Subscriber
{
    public const int MaxNameLength = 200;

    public const int MaxConsentSourceLength = 400;

    private Subscriber()
    {
    }

    public Subscriber(string email, Language language, SubscriberSource source, DateTimeOffset createdAt)
    {
        Email = email;
        Language = language;
        Source = source;
        CreatedAt = createdAt;
        Stamp = Guid.NewGuid();
    }

    public long Id { get; private set; }

    /// <summary>The normalised address: lower case, the domain in Unicode (IDN) form.</summary>
    public string Email { get; private set; } = "";

    public string? Name { get; set; }

    public Language Language { get; set; }

    public SubscriberStatus Status { get; set; }

    public SubscriberSource Source { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? UnsubscribedAt { get; set; }

    /// <summary>When consent to promotional mail was given (the form was sent, or the import attested it).</summary>
    public DateTimeOffset? ConsentAt { get; set; }

    /// <summary>The page the form was sent from (its path), or the import ("import 12").</summary>
    public string? ConsentSource { get; set; }

    public Language? ConsentLanguage { get; set; }

    /// <summary>HMAC-SHA256 of the client's IP address under the site's secret key; null for imports.</summary>
    public byte[]? ConsentIpHash { get; set; }

    /// <summary>The member of staff who attested consent for an imported address; null otherwise.</summary>
    public string? ConsentAttestedBy { get; set; }

    /// <summary>
    /// Changes whenever the person subscribes again or leaves: a confirmation link carries it, so a
    /// link from an earlier subscription cannot confirm a later one.
    /// </summary>
    public Guid Stamp { get; set; }
}
