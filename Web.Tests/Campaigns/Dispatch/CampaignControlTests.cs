using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Core.Newsletters;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Subscribers;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Campaigns.Dispatch;

/// <summary>
/// What happens to a campaign while it goes out (at 20 messages a second, 40 a batch): whoever leaves is skipped,
/// pause stops it and resume finishes it, cancel leaves the rest unsent, a scheduled one starts on time.
/// </summary>
public sealed class CampaignControlTests(SlowDispatchFixture fixture) : IClassFixture<SlowDispatchFixture>
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_subscriber_who_leaves_while_the_batch_is_in_hand_is_skipped_and_gets_nothing()
    {
        var site = fixture.Site;
        var audience = await CampaignData.AudienceAsync(site, "leaving", 40);
        var campaign = await CampaignData.CreateAsync(site, "leaving");

        await CampaignData.StartAsync(site, campaign);
        // The first message is out, so the whole audience (one batch of 40) was claimed with everyone confirmed.
        await WaitForSentAsync(campaign, 1);
        var (unsubscribed, erased) = (audience[^1], audience[^2]);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Subscriptions>().UnsubscribeAsync(unsubscribed.Id, "test", CancellationToken.None);
        }

        await site.WithDbAsync(db => db.Subscribers.Where(s => s.Id == erased.Id).ExecuteDeleteAsync());
        await CampaignData.WaitForStatusAsync(site, campaign, CampaignStatus.Sent);

        Assert.Equal(
            new Dictionary<DeliveryStatus, int> { [DeliveryStatus.Sent] = 38, [DeliveryStatus.Skipped] = 2 },
            await CampaignData.LinesAsync(site, campaign));
        var counts = await fixture.Inbox.CountsAsync();
        Assert.All(audience[..^2], s => Assert.Equal(1, counts.GetValueOrDefault(s.Email)));
        Assert.False(counts.ContainsKey(unsubscribed.Email));
        Assert.False(counts.ContainsKey(erased.Email));
    }

    [Fact]
    public async Task Pause_stops_the_sending_and_resume_finishes_it_with_one_message_each()
    {
        var site = fixture.Site;
        var audience = await CampaignData.AudienceAsync(site, "pause", 40);
        var campaign = await CampaignData.CreateAsync(site, "pause");
        await CampaignData.StartAsync(site, campaign);
        await WaitForSentAsync(campaign, 5);

        Assert.True(await CampaignData.LedgerAsync(site, ledger => ledger.MoveAsync(campaign, CampaignStatus.Paused, CancellationToken.None)));
        await Task.Delay(Settle);
        var paused = await CampaignData.LinesAsync(site, campaign);
        await Task.Delay(Settle);

        Assert.Equal(paused, await CampaignData.LinesAsync(site, campaign));
        Assert.True(paused[DeliveryStatus.Pending] > 0, "Everything was sent before the pause.");
        Assert.Equal(paused[DeliveryStatus.Sent], await ReceivedAsync(audience));

        Assert.True(await CampaignData.LedgerAsync(site, ledger => ledger.MoveAsync(campaign, CampaignStatus.Sending, CancellationToken.None)));
        await CampaignData.WaitForStatusAsync(site, campaign, CampaignStatus.Sent);

        var counts = await fixture.Inbox.CountsAsync();
        Assert.All(audience, s => Assert.Equal(1, counts.GetValueOrDefault(s.Email)));
        Assert.NotNull((await CampaignData.CampaignAsync(site, campaign)).FinishedAt);
    }

    [Fact]
    public async Task Cancel_leaves_the_rest_unsent()
    {
        var site = fixture.Site;
        var audience = await CampaignData.AudienceAsync(site, "cancel", 40);
        var campaign = await CampaignData.CreateAsync(site, "cancel");
        await CampaignData.StartAsync(site, campaign);
        await WaitForSentAsync(campaign, 5);

        Assert.True(await CampaignData.LedgerAsync(site, ledger => ledger.MoveAsync(campaign, CampaignStatus.Cancelled, CancellationToken.None)));
        await Task.Delay(Settle);
        var cancelled = await CampaignData.LinesAsync(site, campaign);
        await Task.Delay(2 * Settle);

        Assert.Equal(cancelled, await CampaignData.LinesAsync(site, campaign));
        Assert.True(cancelled[DeliveryStatus.Pending] > 0, "Everything was sent before the cancel.");
        Assert.Equal(cancelled[DeliveryStatus.Sent], await ReceivedAsync(audience));
        Assert.Equal(CampaignStatus.Cancelled, (await CampaignData.CampaignAsync(site, campaign)).Status);
    }

    [Fact]
    public async Task A_scheduled_campaign_starts_at_its_time_and_not_before()
    {
        var site = fixture.Site;
        var audience = await CampaignData.AudienceAsync(site, "scheduled", 3);
        var at = DateTimeOffset.UtcNow.AddSeconds(3);
        var campaign = await CampaignData.CreateAsync(site, "scheduled", scheduledAt: at);

        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(CampaignStatus.Scheduled, (await CampaignData.CampaignAsync(site, campaign)).Status);
        Assert.Empty(await CampaignData.LinesAsync(site, campaign));
        Assert.Equal(0, await ReceivedAsync(audience));

        await CampaignData.WaitForStatusAsync(site, campaign, CampaignStatus.Sent);

        var sent = await CampaignData.CampaignAsync(site, campaign);
        Assert.True(sent.StartedAt >= at, $"Started at {sent.StartedAt:O}, scheduled for {at:O}.");
        Assert.True(sent.StartedAt < at.AddSeconds(5), $"Started at {sent.StartedAt:O}, scheduled for {at:O}.");
        var counts = await fixture.Inbox.CountsAsync();
        Assert.All(audience, s => Assert.Equal(1, counts.GetValueOrDefault(s.Email)));
    }

    private Task WaitForSentAsync(long campaign, int sent) =>
        Eventually.HoldsAsync(
            async () => (await CampaignData.LinesAsync(fixture.Site, campaign)).GetValueOrDefault(DeliveryStatus.Sent) >= sent,
            $"{sent} messages of campaign {campaign} are sent");

    /// <summary>Messages MailDev holds for <paramref name="audience"/>.</summary>
    private async Task<int> ReceivedAsync(List<Subscriber> audience)
    {
        var counts = await fixture.Inbox.CountsAsync();
        return audience.Sum(s => counts.GetValueOrDefault(s.Email));
    }
}
