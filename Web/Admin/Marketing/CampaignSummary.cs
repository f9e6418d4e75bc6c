using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Newsletters;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Web.Admin.Marketing;

/// <summary>What the progress, cancel and report pages show of a campaign itself (its words and ledger apart).</summary>
public sealed record CampaignSummary(
    long Id,
    string Name,
    CampaignStatus Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? LastError,
    DateTimeOffset? LastErrorAt)
{
    /// <summary>A draft or a scheduled campaign has no ledger yet: its place is the editor.</summary>
    public bool HasStarted => Status is not (CampaignStatus.Draft or CampaignStatus.Scheduled);

    public bool IsFinished => Status is CampaignStatus.Sent or CampaignStatus.Cancelled;

    public string EditorPath => CampaignUrls.Edit(Id);

    public string ProgressPath => CampaignUrls.Progress(Id);

    public string ReportPath => CampaignUrls.Report(Id);

    public string CancelPath => CampaignUrls.Cancel(Id);

    public static Task<CampaignSummary?> FindAsync(SanatoriumDbContext db, long id, CancellationToken cancellationToken) =>
        db.Campaigns
            .Where(c => c.Id == id)
            .Select(c => new CampaignSummary(c.Id, c.Name, c.Status, c.StartedAt, c.FinishedAt, c.LastError, c.LastErrorAt))
            .FirstOrDefaultAsync(cancellationToken);
}
