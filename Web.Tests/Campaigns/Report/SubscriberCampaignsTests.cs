using Sanatorium.Core.Newsletters;
using Sanatorium.Web.Tests.Infrastructure;
using Sanatorium.Web.Tests.Marketing;
using static Sanatorium.Web.Tests.Campaigns.Report.CampaignLedgerData;

namespace Sanatorium.Web.Tests.Campaigns.Report;

/// <summary>The subscriber page lists the campaigns the person got or was meant to get, with what became of their message.</summary>
public sealed class SubscriberCampaignsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task The_subscriber_page_lists_their_campaigns_newest_first_with_their_line_and_a_link_to_each_report()
    {
        var monday = SubscriberData.Monday;
        var sent = await site.AddCampaignAsync("Осень", CampaignStatus.Sent, finishedAt: monday.AddDays(1));
        var failed = await site.AddCampaignAsync("Зима", CampaignStatus.Sent, finishedAt: monday.AddDays(3));
        var cancelled = await site.AddCampaignAsync("Весна", CampaignStatus.Cancelled, startedAt: monday.AddDays(5), finishedAt: monday.AddDays(5));
        var other = await site.AddCampaignAsync("Чужая", CampaignStatus.Sent);
        var id = (await site.AddLinesAsync(sent, "person", Sent(monday.AddDays(1)))).Single();
        await site.WithDbAsync(async db =>
        {
            db.CampaignDeliveries.AddRange(
                new CampaignDelivery(failed, id, Core.Language.Ru, monday) { Status = DeliveryStatus.Failed, At = monday.AddDays(3), Error = "552 Mailbox full" },
                new CampaignDelivery(cancelled, id, Core.Language.Ru, FarAhead));
            await db.SaveChangesAsync();
        });
        await site.AddLinesAsync(other, "someone-else", Sent());
        var admin = await site.LogInAsAdministratorAsync();

        var (_, page) = await admin.GetPageAsync($"/admin/marketing/subscribers/{id}");

        var rows = page.QuerySelectorAll("table.campaigns tbody tr")
            .Select(tr => string.Join(" | ", tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim())))
            .ToList();
        Assert.Equal(
            [
                "Весна | не отправлено (рассылку отменили) | 2026-11-07 12:00",
                "Зима | не доставлено: 552 Mailbox full | 2026-11-05 12:00",
                "Осень | отправлено | 2026-11-03 12:00",
            ],
            rows);
        Assert.Equal(
            [$"/admin/marketing/campaigns/{cancelled}/report", $"/admin/marketing/campaigns/{failed}/report", $"/admin/marketing/campaigns/{sent}/report"],
            page.QuerySelectorAll("table.campaigns tbody a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task A_subscriber_no_campaign_was_sent_to_is_told_so()
    {
        var id = (await site.AddAsync(SubscriberData.New("nobody@campaigns.test"))).Single();
        var admin = await site.LogInAsAdministratorAsync();

        var (_, page) = await admin.GetPageAsync($"/admin/marketing/subscribers/{id}");

        Assert.Equal("Рассылок этому подписчику не было.", page.QuerySelector("#campaigns-heading + p")!.TextContent.Trim());
    }
}
