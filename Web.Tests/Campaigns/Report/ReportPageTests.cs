using System.Net;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Newsletters;
using Sanatorium.Web.Tests.Infrastructure;
using Sanatorium.Web.Tests.Marketing;
using static Sanatorium.Web.Tests.Campaigns.Report.CampaignLedgerData;

namespace Sanatorium.Web.Tests.Campaigns.Report;

/// <summary>A campaign's report: its counts and times, the failed recipients with the server's reply, the skipped ones, clicks per link.</summary>
public sealed class ReportPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly string[] Counts = ["delivered", "failed", "skipped", "remaining", "total"];

    [Fact]
    public async Task The_report_counts_every_line_lists_the_failed_with_the_reply_and_the_clicks_per_link()
    {
        var started = SubscriberData.Monday;
        var id = await site.AddCampaignAsync("Отчёт", CampaignStatus.Sent, startedAt: started, finishedAt: started.AddMinutes(83));
        var subscribers = await site.AddLinesAsync(
            id,
            "report",
            [
                .. Sent().Times(3),
                Failed("550 5.1.1 <report-3@ledger.test>: Recipient address rejected", started.AddMinutes(2)),
                Failed("552 5.2.2 Mailbox full", started.AddMinutes(1)),
                Skipped(started.AddMinutes(3)),
            ]);
        await site.WithDbAsync(db => db.Subscribers.Where(s => s.Id == subscribers[4]).ExecuteDeleteAsync()); // erased since
        await site.AddLinkAsync(id, "https://staraya-russa.test/promotions/spring", 7);
        await site.AddLinkAsync(id, "https://staraya-russa.test/treatments/lumbar-pain-syndrome", 12);
        await site.AddLinkAsync(id, "https://staraya-russa.test/contacts", 0);
        var admin = await site.LogInAsAdministratorAsync();

        var (response, page) = await admin.GetPageAsync($"/admin/marketing/campaigns/{id}/report");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Рассылка «Отчёт»: отчёт", page.QuerySelector("h1")!.TextContent.Trim());
        string Count(string name) => page.QuerySelector($"[data-count='{name}']")!.FirstChild!.TextContent.Trim();
        Assert.Equal(["3", "2", "1", "0", "6"], Counts.Select(Count));
        Assert.Null(page.QuerySelector("[data-count='not-sent']"));
        var times = page.QuerySelectorAll("dl.report-times dd").Select(dd => dd.TextContent.Trim()).ToList();
        Assert.Equal(["2026-11-02 12:00", "2026-11-02 13:23", "1 ч 23 мин"], times);
        var failed = page.QuerySelectorAll("table.failed tbody tr")
            .Select(tr => string.Join(" | ", tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim())))
            .ToList();
        Assert.Equal(
            [
                "удалён | 552 5.2.2 Mailbox full | 2026-11-02 12:01",
                "report-3@ledger.test | 550 5.1.1 <report-3@ledger.test>: Recipient address rejected | 2026-11-02 12:02",
            ],
            failed);
        Assert.Equal(["report-5@ledger.test"], page.QuerySelectorAll("table.skipped tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        var clicks = page.QuerySelectorAll("table.clicks tbody tr")
            .Select(tr => string.Join(" | ", tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim())))
            .ToList();
        Assert.Equal(
            [
                "https://staraya-russa.test/treatments/lumbar-pain-syndrome | 12",
                "https://staraya-russa.test/promotions/spring | 7",
                "https://staraya-russa.test/contacts | 0",
            ],
            clicks);
        Assert.Null(page.QuerySelector("table.clicks a"));
        Assert.Null(page.GetElementById("csv-link"));
    }

    [Fact]
    public async Task A_marketer_who_reads_english_gets_the_report_and_the_progress_in_english()
    {
        var id = await site.AddCampaignAsync("English", CampaignStatus.Sent, finishedAt: SubscriberData.Monday.AddHours(2));
        var subscribers = await site.AddLinesAsync(id, "english", Sent(), Failed("550 5.1.1 User unknown"));
        await site.WithDbAsync(db => db.Subscribers.Where(s => s.Id == subscribers[1]).ExecuteDeleteAsync());
        var admin = await site.LogInAsAdministratorAsync();
        var (_, russian) = await admin.GetPageAsync("/admin");
        await admin.SubmitAsync(russian.Form("form[action='/admin/account/language']"), [], russian.QuerySelector("form[action='/admin/account/language'] button"));

        var (_, page) = await admin.GetPageAsync($"/admin/marketing/campaigns/{id}/report");
        var status = await admin.GetStringAsync($"/admin/marketing/campaigns/{id}/progress?handler=Status");

        Assert.Equal("Campaign “English”: report", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("2 h 0 min", page.QuerySelectorAll("dl.report-times dd")[2].TextContent.Trim());
        Assert.Equal("erased | 550 5.1.1 User unknown | 2026-11-02 12:00", string.Join(" | ", page.QuerySelectorAll("table.failed tbody td").Select(td => td.TextContent.Trim())));
        Assert.Equal("Resend to failed (1)", page.QuerySelector("#resend-form button")!.TextContent.Trim());
        Assert.Contains("\"summary\":\"2 of 2 served (100%)\"", status);
        Assert.Contains("\"statusText\":\"sent\"", status);
    }

    [Fact]
    public async Task A_cancelled_campaign_counts_those_it_did_not_reach_as_not_sent()
    {
        var id = await site.AddCampaignAsync("Отменённая", CampaignStatus.Cancelled, finishedAt: SubscriberData.Monday.AddSeconds(30));
        await site.AddLinesAsync(id, "not-sent", Sent(), Pending(), Pending(), Pending());
        var admin = await site.LogInAsAdministratorAsync();

        var (_, page) = await admin.GetPageAsync($"/admin/marketing/campaigns/{id}/report");

        Assert.Equal("3", page.QuerySelector("[data-count='not-sent']")!.FirstChild!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-count='remaining']"));
        Assert.Equal("меньше минуты", page.QuerySelectorAll("dl.report-times dd")[2].TextContent.Trim());
        Assert.Equal("Никто не отписался до отправки.", page.QuerySelector("#skipped-heading + p")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_long_list_of_failed_recipients_is_capped_on_the_page_and_downloadable_whole()
    {
        var id = await site.AddCampaignAsync("Много отказов", CampaignStatus.Sent, finishedAt: SubscriberData.Monday.AddHours(1));
        await site.AddLinesAsync(id, "many", [.. Failed("=550 refused").Times(101), Skipped()]);
        var admin = await site.LogInAsAdministratorAsync();

        var (_, page) = await admin.GetPageAsync($"/admin/marketing/campaigns/{id}/report");
        var csv = await admin.GetAsync(page.GetElementById("csv-link")!.GetAttribute("href"));
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(100, page.QuerySelectorAll("table.failed tbody tr").Length);
        Assert.Contains("Показаны первые 100 из 101.", page.QuerySelector("#failed-heading")!.ParentElement!.TextContent);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"campaign-{id}-not-delivered.csv", csv.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal(103, lines.Length);
        Assert.Equal("email,status,reply,at", lines[0]);
        Assert.StartsWith("many-0@ledger.test,failed,\"'=550 refused\",2026-11-02T12:00:00+03:00", lines[1]);
        Assert.StartsWith("many-101@ledger.test,skipped,,", lines[102]);
    }
}
