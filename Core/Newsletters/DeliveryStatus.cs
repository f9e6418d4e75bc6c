namespace Sanatorium.Core.Newsletters;

/// <summary>What became of one recipient of a campaign (a <see cref="CampaignDelivery"/>).</summary>
public enum DeliveryStatus
{
    /// <summary>Not sent yet (waiting, or waiting again after a transient failure).</summary>
    Pending,

    /// <summary>The SMTP server accepted the message.</summary>
    Sent,

    /// <summary>The SMTP server refused it for good (5xx); <see cref="CampaignDelivery.Error"/> holds its reply.</summary>
    Failed,

    /// <summary>Not sent: the subscriber unsubscribed or was erased after the campaign started.</summary>
    Skipped,
}
