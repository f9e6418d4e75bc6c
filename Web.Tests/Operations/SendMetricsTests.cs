using Sanatorium.Core.Newsletters;
using Sanatorium.Web.Tests.Campaigns.Dispatch;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Operations;

/// <summary>
/// The counters an operator graphs: campaign messages by outcome (their rate is the send rate), and
/// requests by status (ASP.NET Core's own <c>http.server.request.duration</c>, which the site exports).
/// </summary>
public sealed class SendMetricsTests
{
    [Fact]
    public async Task A_campaign_send_counts_its_messages_by_outcome_and_every_request_is_counted_by_status()
    {
        await using var server = new RefusingSmtpServer();
        var site = new InstanceSite(settings: DispatchSettings.For(server.Port));
        await site.InitializeAsync();
        try
        {
            using var metrics = new SiteMetrics(site.Services, "sanatorium.campaign.messages", "http.server.request.duration");
            var audience = await CampaignData.AudienceAsync(site, "metrics", 5);
            server.Refused[audience[2].Email] = true;
            var campaign = await CampaignData.CreateAsync(site, "metrics");

            await CampaignData.StartAsync(site, campaign);
            await CampaignData.WaitForStatusAsync(site, campaign, CampaignStatus.Sent);
            var visitor = site.CreateVisitor();
            await visitor.GetAsync("/");
            await visitor.GetAsync("/en/no-such-page");

            var messages = metrics.Of("sanatorium.campaign.messages");
            Assert.Equal(4, messages.Where(m => m.Tag("outcome") == "sent").Sum(m => m.Value));
            Assert.Equal(1, messages.Where(m => m.Tag("outcome") == "failed").Sum(m => m.Value));
            var requests = metrics.Of("http.server.request.duration");
            Assert.Contains(requests, r => r.Tag("http.response.status_code") == "200" && r.Tag("http.request.method") == "GET");
            Assert.Contains(requests, r => r.Tag("http.response.status_code") == "404");
        }
        finally
        {
            await site.DropDatabaseAsync();
        }
    }
}
