namespace Sanatorium.Core.Newsletters;

/// <summary>Where a newsletter campaign is. <see cref="CampaignMoves"/> says which moves are allowed.</summary>
public enum CampaignStatus
{
    /// <summary>Being written; the only state in which its words can change.</summary>
    Draft,

    /// <summary>Rendered and waiting for <see cref="Campaign.ScheduledAt"/>; editing takes it back to a draft.</summary>
    Scheduled,

    /// <summary>Its ledger is written and the dispatcher is sending it.</summary>
    Sending,

    /// <summary>Stopped by a marketer; nothing is sent until it is resumed.</summary>
    Paused,

    /// <summary>Stopped for good; whoever was not reached yet is not reached.</summary>
    Cancelled,

    /// <summary>Every recipient was served (sent, failed or skipped).</summary>
    Sent,
}

/// <summary>The moves between campaign states (docs/decisions/0022-newsletter-campaigns.md).</summary>
public static class CampaignMoves
{
    private static readonly Dictionary<CampaignStatus, CampaignStatus[]> Allowed = new()
    {
        [CampaignStatus.Draft] = [CampaignStatus.Scheduled, CampaignStatus.Sending],
        [CampaignStatus.Scheduled] = [CampaignStatus.Draft, CampaignStatus.Sending, CampaignStatus.Cancelled],
        [CampaignStatus.Sending] = [CampaignStatus.Paused, CampaignStatus.Cancelled, CampaignStatus.Sent],
        [CampaignStatus.Paused] = [CampaignStatus.Sending, CampaignStatus.Cancelled],
        [CampaignStatus.Cancelled] = [],

        // "Resend to failed" puts a finished campaign's failed rows back in the queue.
        [CampaignStatus.Sent] = [CampaignStatus.Sending],
    };

    public static bool CanMove(CampaignStatus from, CampaignStatus to) => Allowed[from].Contains(to);

    /// <summary>The states from which a move to <paramref name="to"/> is allowed (for a guarded UPDATE).</summary>
    public static CampaignStatus[] From(CampaignStatus to) =>
        Allowed.Where(pair => pair.Value.Contains(to)).Select(pair => pair.Key).ToArray();
}
