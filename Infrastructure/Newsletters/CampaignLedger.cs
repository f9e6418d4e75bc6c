using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Newsletters;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Infrastructure.Newsletters;

/// <summary>
/// A campaign's moves that touch its ledger, each one guarded by the state it starts from, so two
/// marketers (or a marketer and the dispatcher) acting at once cannot both win: starting writes one
/// <see cref="CampaignDelivery"/> per recipient in one set-based statement; pausing, resuming and
/// cancelling change the campaign only; "resend to failed" puts the failed lines back in the queue.
/// A move that happened wakes the dispatchers of every instance (NOTIFY <see cref="Channel"/>).
/// Audit entries are the caller's (the page knows who acted). See docs/decisions/0022-newsletter-campaigns.md.
/// </summary>
public sealed class CampaignLedger(SanatoriumDbContext db, TimeProvider time)
{
    /// <summary>The channel a campaign move notifies; the dispatcher listens to it.</summary>
    public const string Channel = "campaigns";

    /// <summary>
    /// Starts a draft or a scheduled campaign whose translations are rendered: writes its ledger (every
    /// subscriber confirmed now, of its audience's language, each with their language) and moves it to
    /// <see cref="CampaignStatus.Sending"/>, in one transaction. Returns the number of recipients, or
    /// null when it was not in <paramref name="from"/> any more (someone else started, edited or cancelled it).
    /// </summary>
    public async Task<int?> StartAsync(long campaignId, CampaignStatus from, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.Campaigns
            .Where(c => c.Id == campaignId && c.Status == from && CampaignMoves.From(CampaignStatus.Sending).Contains(c.Status))
            .ExecuteUpdateAsync(
                set => set.SetProperty(c => c.Status, CampaignStatus.Sending)
                    .SetProperty(c => c.StartedAt, now)
                    .SetProperty(c => c.ScheduledAt, (DateTimeOffset?)null),
                cancellationToken);
        if (moved == 0)
        {
            return null;
        }

        var audience = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.AudienceLanguage).SingleAsync(cancellationToken);
        var language = audience?.ToString();
        var recipients = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "CampaignDeliveries" ("CampaignId", "SubscriberId", "Language", "Status", "Attempts", "NextAttemptAt")
            SELECT {campaignId}, s."Id", s."Language", 'Pending', 0, {now}
            FROM "Subscribers" s
            WHERE s."Status" = 'Confirmed' AND ({language}::text IS NULL OR s."Language" = {language}::text)
            ON CONFLICT ("CampaignId", "SubscriberId") DO NOTHING
            """, cancellationToken);
        await NotifyAsync(campaignId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return recipients;
    }

    /// <summary>
    /// Moves a campaign to <paramref name="to"/> (pause, resume, cancel, back to draft) if that move is
    /// allowed from where it is now, and it is in one of <paramref name="onlyFrom"/> when given (a
    /// "resume" is meant for a paused campaign, not for one that finished meanwhile); false when it is
    /// not (it finished, or someone else moved it first).
    /// </summary>
    public async Task<bool> MoveAsync(
        long campaignId, CampaignStatus to, CancellationToken cancellationToken, IReadOnlyCollection<CampaignStatus>? onlyFrom = null)
    {
        var from = CampaignMoves.From(to).Where(status => onlyFrom is null || onlyFrom.Contains(status)).ToArray();
        var finished = to == CampaignStatus.Cancelled ? time.GetUtcNow() : (DateTimeOffset?)null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.Campaigns
            .Where(c => c.Id == campaignId && from.Contains(c.Status))
            .ExecuteUpdateAsync(
                set => set.SetProperty(c => c.Status, to)
                    .SetProperty(c => c.FinishedAt, c => finished ?? c.FinishedAt)
                    .SetProperty(c => c.ScheduledAt, c => to == CampaignStatus.Draft ? null : c.ScheduledAt),
                cancellationToken);
        if (moved > 0)
        {
            await NotifyAsync(campaignId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return moved > 0;
    }

    /// <summary>
    /// Puts the lines the SMTP server refused back in the queue and the campaign back to sending. Only
    /// failed lines move, and a server that refused a message did not deliver it, so nobody who got the
    /// campaign gets it again. Returns how many lines went back (0: nothing failed, or it is not finished
    /// or paused).
    /// </summary>
    public async Task<int> ResendFailedAsync(long campaignId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var status = await db.Database
            .SqlQuery<string>($"""SELECT "Status" AS "Value" FROM "Campaigns" WHERE "Id" = {campaignId} FOR UPDATE""")
            .SingleOrDefaultAsync(cancellationToken);
        if (status is not (nameof(CampaignStatus.Sent) or nameof(CampaignStatus.Paused)))
        {
            return 0;
        }

        var requeued = await db.CampaignDeliveries
            .Where(d => d.CampaignId == campaignId && d.Status == DeliveryStatus.Failed)
            .ExecuteUpdateAsync(
                set => set.SetProperty(d => d.Status, DeliveryStatus.Pending)
                    .SetProperty(d => d.Attempts, 0)
                    .SetProperty(d => d.NextAttemptAt, now)
                    .SetProperty(d => d.LockedUntil, (DateTimeOffset?)null)
                    .SetProperty(d => d.At, (DateTimeOffset?)null),
                cancellationToken);
        if (requeued > 0 && status == nameof(CampaignStatus.Sent))
        {
            await db.Campaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(
                set => set.SetProperty(c => c.Status, CampaignStatus.Sending).SetProperty(c => c.FinishedAt, (DateTimeOffset?)null),
                cancellationToken);
            await NotifyAsync(campaignId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return requeued;
    }

    /// <summary>Where a campaign's sending is: counts per line status, and the rate over the last minute.</summary>
    public async Task<CampaignProgress> ProgressAsync(long campaignId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now - CampaignProgress.RateWindow;
        var counts = await db.CampaignDeliveries
            .Where(d => d.CampaignId == campaignId)
            .GroupBy(d => d.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Recent = g.Count(d => d.At >= since) })
            .ToListAsync(cancellationToken);
        int Count(DeliveryStatus status) => counts.FirstOrDefault(c => c.Status == status)?.Count ?? 0;
        var served = counts.Where(c => c.Status != DeliveryStatus.Pending).Sum(c => c.Recent);
        return new CampaignProgress(
            Count(DeliveryStatus.Sent), Count(DeliveryStatus.Failed), Count(DeliveryStatus.Skipped), Count(DeliveryStatus.Pending),
            served / CampaignProgress.RateWindow.TotalSeconds);
    }

    private Task<int> NotifyAsync(long campaignId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture)})", cancellationToken);
}

/// <summary>How far a campaign got: its ledger's lines per status and the rate (lines served per second over the last minute).</summary>
public sealed record CampaignProgress(int Sent, int Failed, int Skipped, int Remaining, double PerSecond)
{
    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);

    public int Total => Sent + Failed + Skipped + Remaining;

    public int Served => Sent + Failed + Skipped;

    /// <summary>Served lines as a share of all, 0 to 100.</summary>
    public double Percent => Total == 0 ? 100 : 100.0 * Served / Total;

    /// <summary>Time left at the current rate; null when nothing moved in the last minute.</summary>
    public TimeSpan? Remains => Remaining == 0 ? TimeSpan.Zero : PerSecond > 0 ? TimeSpan.FromSeconds(Remaining / PerSecond) : null;
}
