namespace Sanatorium.Core.Newsletters;

/// <summary>
/// One line of a campaign's ledger: one recipient, written when the campaign starts (unique per
/// campaign and subscriber), claimed by the dispatcher with a lease, and marked sent, failed or
/// skipped. Erasing the subscriber keeps the line without them, so the report's numbers stay.
/// </summary>
public sealed class CampaignDelivery
{
    public const int MaxErrorLength = 1000;

    private CampaignDelivery()
    {
    }

    public CampaignDelivery(long campaignId, long subscriberId, Language language, DateTimeOffset nextAttemptAt)
    {
        CampaignId = campaignId;
        SubscriberId = subscriberId;
        Language = language;
        NextAttemptAt = nextAttemptAt;
    }

    public long Id { get; private set; }

    public long CampaignId { get; private set; }

    /// <summary>Null once the subscriber was erased.</summary>
    public long? SubscriberId { get; private set; }

    /// <summary>The version they get: their language when the campaign started.</summary>
    public Language Language { get; private set; }

    public DeliveryStatus Status { get; set; }

    /// <summary>Transient failures so far (4xx, connection lost); each one doubles the wait before the next.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>While a dispatcher holds it; an expired lease (a crash) lets another take it.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>When it was sent, failed or skipped.</summary>
    public DateTimeOffset? At { get; set; }

    /// <summary>The SMTP server's reply to a failure (the last one for a transient failure).</summary>
    public string? Error { get; set; }
}
