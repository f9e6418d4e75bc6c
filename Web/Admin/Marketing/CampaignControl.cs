using Microsoft.Extensions.Localization;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Newsletters;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Newsletters;

namespace Sanatorium.Web.Admin.Marketing;

/// <summary>A marketer's move of a campaign that is going out: where it goes, from where it may, and what the audit log calls it.</summary>
public sealed record CampaignMove(CampaignStatus To, CampaignStatus[] From, string AuditAction, string DoneKey)
{
    public static readonly CampaignMove Pause = new(CampaignStatus.Paused, [CampaignStatus.Sending], AuditActions.CampaignPaused, "Paused");

    public static readonly CampaignMove Resume = new(CampaignStatus.Sending, [CampaignStatus.Paused], AuditActions.CampaignResumed, "Resumed");

    public static readonly CampaignMove Cancel = new(CampaignStatus.Cancelled, [CampaignStatus.Sending, CampaignStatus.Paused], AuditActions.CampaignCancelled, "Cancelled");
}

/// <summary>
/// Pausing, resuming and cancelling a campaign from the progress page: the ledger's guarded move, then
/// its audit entry. A move that is no longer allowed (the campaign finished, or someone else moved it
/// first) changes nothing and says where the campaign is now.
/// </summary>
public sealed class CampaignControl(
    SanatoriumDbContext db,
    CampaignLedger ledger,
    AuditLog audit,
    IStringLocalizer<CampaignReportResource> text)
{
    /// <summary>The message for the marketer, whether it moved or not; null when there is no such campaign.</summary>
    public async Task<(bool Moved, string Message)?> MoveAsync(long id, CampaignMove move, string staff, CancellationToken cancellationToken)
    {
        if (await CampaignSummary.FindAsync(db, id, cancellationToken) is not { } campaign)
        {
            return null;
        }

        // Only from the move's own states: the ledger lets a finished campaign go back to sending (for
        // "resend to failed"), which a stale "resume" must not do.
        if (await ledger.MoveAsync(id, move.To, cancellationToken, move.From))
        {
            await audit.RecordNowAsync(staff, move.AuditAction, CampaignUrls.Target(id), campaign.Name);
            return (true, text[move.DoneKey, campaign.Name]);
        }

        var now = await CampaignSummary.FindAsync(db, id, cancellationToken);
        return (false, Refused(now?.Status ?? campaign.Status));
    }

    /// <summary>Why a move changed nothing: where the campaign is now.</summary>
    public string Refused(CampaignStatus now) => text["MoveRefused", text["Status" + now]];
}
