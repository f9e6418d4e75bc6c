using Sanatorium.Core.Newsletters;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Campaigns.Dispatch;

/// <summary>Two app processes on one database (the test's site and the site's program run apart) share a campaign: nobody gets two copies.</summary>
public sealed class CampaignInstancesTests
{
    private const string OtherSender = "promo-other@staraya-russa.test";

    [Fact]
    public async Task Two_instances_send_one_campaign_without_duplicates()
    {
        await using var maildev = await MailDevProcess.StartAsync(MailDevProcess.FreePort());
        var settings = DispatchSettings.For(maildev.SmtpPort, messagesPerSecond: 150, connections: 2, batchSize: 5);
        var site = new InstanceSite(settings: settings);
        await site.InitializeAsync();
        try
        {
            // The other instance signs its mail with a sender of its own, to show that both took part.
            var otherSettings = new Dictionary<string, string?>(settings) { ["Smtp:FromAddress"] = OtherSender };
            await using var other = new RunningSite(site.ConnectionString, otherSettings);
            await other.StartAsync();
            var audience = await CampaignData.AudienceAsync(site, "instances", 300);
            var campaign = await CampaignData.CreateAsync(site, "instances");

            await CampaignData.StartAsync(site, campaign);
            await CampaignData.WaitForStatusAsync(site, campaign, CampaignStatus.Sent);

            Assert.Equal(new Dictionary<DeliveryStatus, int> { [DeliveryStatus.Sent] = 300 }, await CampaignData.LinesAsync(site, campaign));
            var inbox = new Inbox(maildev.Web);
            var counts = await inbox.CountsAsync();
            Assert.All(audience, s => Assert.Equal(1, counts.GetValueOrDefault(s.Email)));
            Assert.Equal(
                [OtherSender, "promo@staraya-russa.test"],
                (await inbox.AllAsync()).Select(m => m.From[0].Address).Distinct().Order(StringComparer.Ordinal));
        }
        finally
        {
            await site.DropDatabaseAsync();
        }
    }
}
