using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Core;
using Sanatorium.Core.Newsletters;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Newsletters;
using Sanatorium.Web.Tests.Infrastructure;
using Sanatorium.Web.Tests.Marketing;

namespace Sanatorium.Web.Tests.Campaigns.Dispatch;

/// <summary>
/// Campaigns and audiences written straight into a test's database as the editor leaves them: a
/// campaign already rendered in both languages (its parts holding the placeholder, a subject per
/// language), started through <see cref="CampaignLedger"/> as the send button does.
/// </summary>
public static class CampaignData
{
    public static string Subject(Language language, string tag) => language == Language.Ru ? $"Акция {tag}" : $"Offer {tag}";

    /// <summary>The text part's words (before the unsubscribe line).</summary>
    public static string Words(Language language) => language == Language.Ru ? "Скидка на лечение" : "A discount on treatment";

    public static Task<long> CreateAsync(SiteFactory site, string tag, Language? audience = null, DateTimeOffset? scheduledAt = null) =>
        site.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var campaign = new Campaign("Campaign " + tag, SubscriberData.Administrator, now)
            {
                AudienceLanguage = audience,
                Placeholder = "unsubscribe-" + Guid.NewGuid().ToString("N"),
                Status = scheduledAt is null ? CampaignStatus.Draft : CampaignStatus.Scheduled,
                ScheduledAt = scheduledAt,
            };
            foreach (var language in Languages.All)
            {
                var translation = campaign.TranslationFor(language);
                translation.Subject = Subject(language, tag);
                translation.Body = Words(language);
                translation.Html = $"<p>{Words(language)}</p><p><a href=\"{campaign.Placeholder}\">unsubscribe</a></p>";
                translation.Text = $"{Words(language)}\n\n{campaign.Placeholder}\n";
            }

            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            return campaign.Id;
        });

    /// <summary>Starts a draft as the send button does; returns the number of recipients.</summary>
    public static async Task<int> StartAsync(SiteFactory site, long campaignId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var started = await scope.ServiceProvider.GetRequiredService<CampaignLedger>().StartAsync(campaignId, CampaignStatus.Draft, CancellationToken.None);
        return started ?? throw new InvalidOperationException($"Campaign {campaignId} did not start.");
    }

    public static async Task<T> LedgerAsync<T>(SiteFactory site, Func<CampaignLedger, Task<T>> action)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CampaignLedger>());
    }

    /// <summary>
    /// New subscribers (addresses of their own at MailDev) who are the whole audience of the next
    /// campaign: everyone subscribed by an earlier test of the class leaves first.
    /// </summary>
    public static async Task<List<Subscriber>> AudienceAsync(SiteFactory site, string name, int count, Language language = Language.Ru)
    {
        await site.WithDbAsync(db => db.Subscribers.Where(s => s.Status == SubscriberStatus.Confirmed)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, SubscriberStatus.Unsubscribed)));
        return await AddAsync(site, name, count, language);
    }

    /// <summary>More confirmed subscribers, besides those already there.</summary>
    public static async Task<List<Subscriber>> AddAsync(SiteFactory site, string name, int count, Language language = Language.Ru, SubscriberStatus status = SubscriberStatus.Confirmed)
    {
        var subscribers = Enumerable.Range(0, count).Select(i => SubscriberData.New(MailDev.NewAddress($"{name}-{i}"), status, language)).ToArray();
        await site.AddAsync(subscribers);
        return subscribers.ToList();
    }

    public static Task<Campaign> CampaignAsync(SiteFactory site, long campaignId) =>
        site.WithDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId));

    /// <summary>The ledger's lines per status.</summary>
    public static Task<Dictionary<DeliveryStatus, int>> LinesAsync(SiteFactory site, long campaignId) =>
        site.WithDbAsync(db => db.CampaignDeliveries.Where(d => d.CampaignId == campaignId)
            .GroupBy(d => d.Status).ToDictionaryAsync(g => g.Key, g => g.Count()));

    public static Task WaitForStatusAsync(SiteFactory site, long campaignId, CampaignStatus status) =>
        Eventually.HoldsAsync(async () => (await CampaignAsync(site, campaignId)).Status == status, $"campaign {campaignId} is {status}");
}
