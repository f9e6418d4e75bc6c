using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Newsletters;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Campaigns.Dispatch;

/// <summary>
/// A mail server that refuses one address for good (5xx): only that line fails, with the server's
/// reply, and "resend to failed" sends to those lines only. MailDev cannot refuse, so a tiny
/// refusing server (<see cref="RefusingSmtpServer"/>) stands in here.
/// </summary>
public sealed class CampaignRefusalTests
{
    [Fact]
    public async Task A_refused_address_fails_with_the_reply_and_resending_to_failed_reaches_only_it()
    {
        await using var server = new RefusingSmtpServer();
        var site = new InstanceSite(settings: DispatchSettings.For(server.Port));
        await site.InitializeAsync();
        try
        {
            var audience = await CampaignData.AudienceAsync(site, "refusal", 8);
            var refused = audience[3];
            server.Refused[refused.Email] = true;
            var campaign = await CampaignData.CreateAsync(site, "refusal");

            await CampaignData.StartAsync(site, campaign);
            await CampaignData.WaitForStatusAsync(site, campaign, CampaignStatus.Sent);

            Assert.Equal(
                new Dictionary<DeliveryStatus, int> { [DeliveryStatus.Sent] = 7, [DeliveryStatus.Failed] = 1 },
                await CampaignData.LinesAsync(site, campaign));
            var failed = await site.WithDbAsync(db => db.CampaignDeliveries.SingleAsync(d => d.CampaignId == campaign && d.Status == DeliveryStatus.Failed));
            Assert.Equal(refused.Id, failed.SubscriberId);
            Assert.Equal(RefusingSmtpServer.Reply, failed.Error);
            Assert.Equal(audience.Where(s => s != refused).Select(s => s.Email).Order(), server.Accepted.Order());

            server.Refused.Clear();
            var requeued = await CampaignData.LedgerAsync(site, ledger => ledger.ResendFailedAsync(campaign, CancellationToken.None));
            await Eventually.HoldsAsync(
                async () => (await CampaignData.LinesAsync(site, campaign)).GetValueOrDefault(DeliveryStatus.Sent) == 8, "every line is sent");
            await CampaignData.WaitForStatusAsync(site, campaign, CampaignStatus.Sent);

            Assert.Equal(1, requeued);
            Assert.Equal(audience.Select(s => s.Email).Order(), server.Accepted.Order());
        }
        finally
        {
            await site.DropDatabaseAsync();
        }
    }
}
