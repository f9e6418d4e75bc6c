using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Newsletters;
using Sanatorium.Web.Tests.Infrastructure;
using Sanatorium.Web.Tests.Marketing;

namespace Sanatorium.Web.Tests.Campaigns.Report;

/// <summary>
/// Campaigns and their ledgers written straight into a test's database, in states the dispatcher leaves
/// alone: paused, sent or cancelled, or sending with every pending line due far in the future.
/// </summary>
public static class CampaignLedgerData
{
    /// <summary>When a pending line of a "sending" campaign is due: far enough ahead that no dispatcher takes it during a test.</summary>
    public static readonly DateTimeOffset FarAhead = new(2099, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Task<long> AddCampaignAsync(
        this SiteFactory site,
        string name,
        CampaignStatus status,
        DateTimeOffset? startedAt = null,
        DateTimeOffset? finishedAt = null,
        string? lastError = null) =>
        site.WithDbAsync(async db =>
        {
            var campaign = new Campaign(name, SubscriberData.Administrator, SubscriberData.Monday)
            {
                Status = status,
                StartedAt = startedAt ?? (status is CampaignStatus.Draft or CampaignStatus.Scheduled ? null : SubscriberData.Monday),
                ScheduledAt = status == CampaignStatus.Scheduled ? FarAhead : null,
                FinishedAt = finishedAt,
                LastError = lastError,
                LastErrorAt = lastError is null ? null : SubscriberData.Monday.AddMinutes(5),
            };
            var translation = campaign.TranslationFor(Language.Ru);
            translation.Subject = name;
            translation.Body = "Скидки на лечение.";
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            return campaign.Id;
        });

    /// <summary>
    /// A sending campaign with its ledger: written paused and turned to sending only once its lines are in,
    /// so that no dispatcher finds it sending with nothing pending and finishes it meanwhile.
    /// </summary>
    public static async Task<long> AddSendingAsync(
        this SiteFactory site,
        string name,
        string prefix,
        Line[] lines,
        DateTimeOffset? startedAt = null,
        string? lastError = null)
    {
        var id = await site.AddCampaignAsync(name, CampaignStatus.Paused, startedAt, lastError: lastError);
        await site.AddLinesAsync(id, prefix, lines);
        await site.SetStatusAsync(id, CampaignStatus.Sending);
        return id;
    }

    /// <summary>Adds one confirmed subscriber per line and their line in the campaign's ledger; returns the subscribers' ids.</summary>
    public static async Task<long[]> AddLinesAsync(this SiteFactory site, long campaignId, string prefix, params Line[] lines)
    {
        var subscribers = await site.AddAsync(lines.Select((_, i) => SubscriberData.New($"{prefix}-{i}@ledger.test")).ToArray());
        await site.WithDbAsync(async db =>
        {
            db.CampaignDeliveries.AddRange(lines.Select((line, i) => new CampaignDelivery(campaignId, subscribers[i], Language.Ru, line.Status == DeliveryStatus.Pending ? FarAhead : line.At ?? SubscriberData.Monday)
            {
                Status = line.Status,
                At = line.Status == DeliveryStatus.Pending ? null : line.At ?? SubscriberData.Monday,
                Error = line.Error,
            }));
            await db.SaveChangesAsync();
        });
        return subscribers;
    }

    /// <summary>Adds a tracked link with <paramref name="clicks"/> clicks counted.</summary>
    public static Task AddLinkAsync(this SiteFactory site, long campaignId, string url, long clicks) =>
        site.WithDbAsync(async db =>
        {
            var link = new CampaignLink(campaignId, url);
            db.CampaignLinks.Add(link);
            await db.SaveChangesAsync();
            await db.CampaignLinks.Where(l => l.Id == link.Id).ExecuteUpdateAsync(set => set.SetProperty(l => l.Clicks, clicks));
        });

    public static Task<CampaignStatus> StatusOfAsync(this SiteFactory site, long campaignId) =>
        site.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Status).SingleAsync());

    public static Task SetStatusAsync(this SiteFactory site, long campaignId, CampaignStatus status) =>
        site.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(set => set.SetProperty(c => c.Status, status)));

    public static Line Sent(DateTimeOffset? at = null) => new(DeliveryStatus.Sent, null, at);

    public static Line Failed(string reply, DateTimeOffset? at = null) => new(DeliveryStatus.Failed, reply, at);

    public static Line Skipped(DateTimeOffset? at = null) => new(DeliveryStatus.Skipped, null, at);

    public static Line Pending() => new(DeliveryStatus.Pending, null, null);

    public static Line[] Times(this Line line, int count) => Enumerable.Repeat(line, count).ToArray();

    /// <summary>One line of a ledger as a test wants it.</summary>
    public sealed record Line(DeliveryStatus Status, string? Error, DateTimeOffset? At);
}
