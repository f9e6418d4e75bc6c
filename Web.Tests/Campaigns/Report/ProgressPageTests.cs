using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Sanatorium.Core.Newsletters;
using Sanatorium.Web.Tests.Infrastructure;
using Sanatorium.Web.Tests.Marketing;
using static Sanatorium.Web.Tests.Campaigns.Report.CampaignLedgerData;

namespace Sanatorium.Web.Tests.Campaigns.Report;

/// <summary>The live progress page: its numbers, bar, rate and time left, on the page and in the status the script polls.</summary>
public sealed class ProgressPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly string[] Counts = ["sent", "failed", "skipped", "remaining"];

    private static readonly string[] Numbers = ["sent", "failed", "skipped", "remaining", "total", "served", "percent"];

    [Fact]
    public async Task The_page_and_its_status_show_the_ledger_counts_the_bar_the_rate_and_the_time_left()
    {
        // Sending, but its pending lines are due in 2099: no dispatcher touches them during the test.
        var recent = DateTimeOffset.UtcNow.AddSeconds(-10);
        var id = await site.AddSendingAsync(
            "Весна", "progress", [.. Sent(recent).Times(4), Failed("550 5.1.1 no such user", recent), Skipped(recent), .. Pending().Times(6)],
            startedAt: DateTimeOffset.UtcNow.AddMinutes(-5));
        var admin = await site.LogInAsAdministratorAsync();

        var (response, page) = await admin.GetPageAsync($"/admin/marketing/campaigns/{id}/progress");
        var status = await admin.GetAsync($"/admin/marketing/campaigns/{id}/progress?handler=Status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string Shown(string field) => page.QuerySelector($"[data-progress='{field}']")!.TextContent.Trim();
        Assert.Equal("отправляется", Shown("statusText"));
        Assert.Equal(["4", "1", "1", "6"], Counts.Select(Shown));
        var bar = page.QuerySelector<IHtmlProgressElement>("progress")!;
        Assert.Equal(12, bar.Maximum);
        Assert.Equal(6, bar.Value);
        Assert.Equal("Обработано 6 из 12 (50 %)", bar.TextContent.Trim());
        Assert.Equal("Обработано 6 из 12 (50 %)", Shown("summary"));
        // Six lines served in the last minute: 0.1 a second, so six more take a minute.
        Assert.Equal("0,1 писем/с", Shown("rate"));
        Assert.StartsWith("около 1 мин, до ", Shown("timeLeft"));
        Assert.True(page.QuerySelector("[data-progress='waiting']")!.HasAttribute("hidden"));
        Assert.NotNull(page.QuerySelector("[aria-live='polite']"));

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("application/json", status.Content.Headers.ContentType!.MediaType);
        var json = JsonDocument.Parse(await status.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Sending", json.GetProperty("status").GetString());
        Assert.False(json.GetProperty("finished").GetBoolean());
        Assert.Equal([4, 1, 1, 6, 12, 6, 50], Numbers.Select(p => json.GetProperty(p).GetInt32()));
        Assert.Equal(Shown("summary"), json.GetProperty("summary").GetString());
        Assert.Equal(Shown("rate"), json.GetProperty("rate").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("waiting").ValueKind);
    }

    [Fact]
    public async Task The_page_polls_with_a_script_file_not_an_inline_script_and_says_how_to_update_without_it()
    {
        var id = await site.AddCampaignAsync("Скрипт", CampaignStatus.Paused);
        var admin = await site.LogInAsAdministratorAsync();

        var (_, page) = await admin.GetPageAsync($"/admin/marketing/campaigns/{id}/progress");

        var script = Assert.Single(page.QuerySelectorAll("main script"));
        Assert.Matches(@"^/js/campaign-progress\.\w+\.js$", script.GetAttribute("src"));
        Assert.Empty(script.TextContent.Trim());
        Assert.Equal($"/admin/marketing/campaigns/{id}/progress?handler=Status", page.GetElementById("campaign-progress")!.GetAttribute("data-status-url"));
        Assert.Equal("рассылка приостановлена", page.QuerySelector("[data-progress='timeLeft']")!.TextContent.Trim());
        Assert.Equal($"/admin/marketing/campaigns/{id}/progress", page.QuerySelector("p.hint a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(script.GetAttribute("src"))).StatusCode);
    }

    [Fact]
    public async Task A_mail_server_that_does_not_answer_is_shown_with_its_reply_and_since_when()
    {
        // Sending with nothing due before 2099: the dispatcher neither sends nor clears the error meanwhile.
        var id = await site.AddSendingAsync("Ожидание", "waiting", [Pending()], lastError: "421 4.3.2 Service not available");
        var admin = await site.LogInAsAdministratorAsync();

        var (_, page) = await admin.GetPageAsync($"/admin/marketing/campaigns/{id}/progress");
        var json = JsonDocument.Parse(await admin.GetStringAsync($"/admin/marketing/campaigns/{id}/progress?handler=Status")).RootElement;

        var waiting = page.QuerySelector("[data-progress='waiting']")!;
        Assert.False(waiting.HasAttribute("hidden"));
        Assert.Equal("Ждём почтовый сервер: 421 4.3.2 Service not available (с 2026-11-02 12:05)", waiting.TextContent.Trim());
        Assert.Equal(waiting.TextContent.Trim(), json.GetProperty("waiting").GetString());
        Assert.Equal("неизвестно: за последнюю минуту ничего не отправлено", page.QuerySelector("[data-progress='timeLeft']")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_finished_campaign_shows_its_final_numbers_and_leads_to_its_report_without_polling()
    {
        var id = await site.AddCampaignAsync("Готово", CampaignStatus.Sent, finishedAt: SubscriberData.Monday.AddHours(1));
        await site.AddLinesAsync(id, "finished", Sent(), Sent());
        var admin = await site.LogInAsAdministratorAsync();

        var (_, page) = await admin.GetPageAsync($"/admin/marketing/campaigns/{id}/progress");

        Assert.Equal("отправлена", page.QuerySelector("[data-progress='statusText']")!.TextContent.Trim());
        Assert.Equal("Обработано 2 из 2 (100 %)", page.QuerySelector("[data-progress='summary']")!.TextContent.Trim());
        Assert.Equal($"/admin/marketing/campaigns/{id}/report", page.GetElementById("report-link")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Null(page.GetElementById("pause-form"));
        Assert.Null(page.GetElementById("cancel-link"));
    }

    [Theory]
    [InlineData(CampaignStatus.Draft)]
    [InlineData(CampaignStatus.Scheduled)]
    public async Task A_campaign_that_has_not_started_leads_to_its_editor(CampaignStatus status)
    {
        var id = await site.AddCampaignAsync("Не начата " + status, status);
        var admin = await site.LogInAsAdministratorAsync();

        foreach (var page in new[] { "progress", "report" })
        {
            var response = await admin.GetAsync($"/admin/marketing/campaigns/{id}/{page}");

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/admin/marketing/campaigns/{id}", response.Headers.Location!.OriginalString);
        }
    }
}
