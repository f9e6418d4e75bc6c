using Sanatorium.Core.Newsletters;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Campaigns.Dispatch;

/// <summary>
/// The site's process is killed with SIGKILL in the middle of a campaign and started again: the campaign
/// goes on, nobody is missed, and a second copy goes at most to one recipient per connection (a message
/// the server accepted whose line was not marked yet).
/// </summary>
public sealed class CampaignCrashTests
{
    private const int Connections = 2;

    private const int Recipients = 200;

    [Fact]
    public async Task A_campaign_killed_mid_send_finishes_after_a_restart_with_everyone_served_and_at_most_one_repeat_per_connection()
    {
        await using var maildev = await MailDevProcess.StartAsync(MailDevProcess.FreePort());

        // 40 a second: the kill lands while the 200 messages go out.
        var settings = DispatchSettings.For(maildev.SmtpPort, messagesPerSecond: 40, connections: Connections, batchSize: 5, lease: "00:00:02");
        var setup = new InstanceSite(settings: settings);
        await setup.InitializeAsync();
        var database = setup.ConnectionString;
        var audience = await CampaignData.AudienceAsync(setup, "crash", Recipients);
        var campaign = await CampaignData.CreateAsync(setup, "crash");
        await setup.StopAsync();
        try
        {
            await LedgerQueries.ScheduleNowAsync(database, campaign);
            await using (var first = new RunningSite(database, settings))
            {
                await first.StartAsync();
                await Eventually.HoldsAsync(async () => await LedgerQueries.CountAsync(database, campaign, DeliveryStatus.Sent) >= 60, "60 messages are sent");
                await first.KillAsync();
            }

            var sentBeforeRestart = await LedgerQueries.CountAsync(database, campaign, DeliveryStatus.Sent);
            Assert.InRange(sentBeforeRestart, 60, Recipients - 1);

            await using var second = new RunningSite(database, settings);
            await second.StartAsync();
            await Eventually.HoldsAsync(async () => await LedgerQueries.StatusAsync(database, campaign) == nameof(CampaignStatus.Sent), "the campaign is sent");

            Assert.Equal(Recipients, await LedgerQueries.CountAsync(database, campaign, DeliveryStatus.Sent));
            var counts = await new Inbox(maildev.Web).CountsAsync();
            Assert.All(audience, s => Assert.True(counts.GetValueOrDefault(s.Email) >= 1, $"{s.Email} got nothing."));
            Assert.InRange(audience.Sum(s => counts[s.Email] - 1), 0, Connections);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
        }
    }
}
