using Sanatorium.Core.Newsletters;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Campaigns.Dispatch;

/// <summary>The SMTP server stops in the middle of a campaign and comes back: the campaign waits, says why, and finishes.</summary>
public sealed class CampaignOutageTests
{
    private const int Connections = 2;

    [Fact]
    public async Task A_campaign_waits_while_the_mail_server_is_down_and_finishes_when_it_is_back()
    {
        using var folder = new MailFolder();
        var port = MailDevProcess.FreePort();
        var maildev = await MailDevProcess.StartAsync(port, folder.Path);
        var site = new InstanceSite(settings: DispatchSettings.For(port, messagesPerSecond: 50, connections: Connections, batchSize: 5));
        await site.InitializeAsync();
        try
        {
            var audience = await CampaignData.AudienceAsync(site, "outage", 150);
            var campaign = await CampaignData.CreateAsync(site, "outage");
            await CampaignData.StartAsync(site, campaign);
            await Eventually.HoldsAsync(
                async () => (await CampaignData.LinesAsync(site, campaign)).GetValueOrDefault(DeliveryStatus.Sent) >= 30, "30 messages are sent");

            await maildev.DisposeAsync();
            await Eventually.HoldsAsync(async () => (await CampaignData.CampaignAsync(site, campaign)).LastError is not null, "the campaign says why it waits");
            var waiting = await CampaignData.CampaignAsync(site, campaign);
            var pending = (await CampaignData.LinesAsync(site, campaign)).GetValueOrDefault(DeliveryStatus.Pending);

            Assert.Equal(CampaignStatus.Sending, waiting.Status);
            Assert.NotNull(waiting.LastErrorAt);
            Assert.True(pending > 0, "Everything was sent before the server stopped.");

            maildev = await MailDevProcess.StartAsync(port, folder.Path);
            await CampaignData.WaitForStatusAsync(site, campaign, CampaignStatus.Sent);

            var sent = await CampaignData.CampaignAsync(site, campaign);
            Assert.Null(sent.LastError);
            Assert.Equal(new Dictionary<DeliveryStatus, int> { [DeliveryStatus.Sent] = 150 }, await CampaignData.LinesAsync(site, campaign));
            var counts = folder.Counts();
            Assert.All(audience, s => Assert.True(counts.GetValueOrDefault(s.Email) >= 1, $"{s.Email} got nothing."));

            // Only a message the server had taken in when it was killed can come twice.
            Assert.InRange(audience.Sum(s => counts[s.Email] - 1), 0, Connections);
        }
        finally
        {
            await site.DropDatabaseAsync();
            await maildev.DisposeAsync();
        }
    }
}
