using Sanatorium.Core.Newsletters;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Newsletters.Dispatch;

/// <summary>Two app processes on one database (the test's site and the site's program run apart) share a campaign: nobody gets two copies.</summary>
public sealed class CampaignInstancesTests
{
    [Fact]
    public async Task Two_instances_send_one_campaign_without_duplicates()
    {
        await using var maildev = await MailDevProcess.StartAsync(MailDevProcess.FreePort());
        var settings = DispatchSettings.For(maildev.SmtpPort, messagesPerSecond: 150, connections: 2, batchSize: 5);
        var site = new InstanceSite(settings: settings);
        await site.InitializeAsync();
        try
        {
            await using var other = await RunningSite.StartAsync(site.ConnectionString, settings);
            var audience = await CampaignData.AudienceAsync(site, "instances", 300);
            var campaign = await CampaignData.CreateAsync(site, "instances");

            await CampaignData.StartAsync(site, campaign);
            await CampaignData.WaitForStatusAsync(site, campaign, CampaignStatus.Sent);

            Assert.Equal(new Dictionary<DeliveryStatus, int> { [DeliveryStatus.Sent] = 300 }, await CampaignData.LinesAsync(site, campaign));
            var counts = await new Inbox(maildev.Web).CountsAsync();
            Assert.All(audience, s => Assert.Equal(1, counts.GetValueOrDefault(s.Email)));
        }
        finally
        {
            await site.DropDatabaseAsync();
        }
    }
}
