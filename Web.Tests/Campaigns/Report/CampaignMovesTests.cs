using System.Net;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Newsletters;
using Sanatorium.Web.Tests.Infrastructure;
using Sanatorium.Web.Tests.Marketing;
using static Sanatorium.Web.Tests.Campaigns.Report.CampaignLedgerData;

namespace Sanatorium.Web.Tests.Campaigns.Report;

/// <summary>Pausing, resuming and cancelling from the progress page: the move, its audit entry, and a stale move refused clearly.</summary>
public sealed class CampaignMovesTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Pausing_and_resuming_move_the_campaign_say_so_and_are_audited()
    {
        // Sending, its pending line due in 2099: no dispatcher sends it or finishes the campaign meanwhile.
        var id = await site.AddSendingAsync("Пауза", "pause", [Pending()]);
        var admin = await site.LogInAsAdministratorAsync();
        var progress = $"/admin/marketing/campaigns/{id}/progress";

        var paused = await admin.SubmitFormAsync(progress, [], "#pause-form");
        var (_, afterPause) = await admin.GetPageAsync(paused.Headers.Location!.OriginalString);
        var status = await site.StatusOfAsync(id);
        var resumed = await admin.SubmitFormAsync(progress, [], "#resume-form");
        var (_, afterResume) = await admin.GetPageAsync(resumed.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, paused.StatusCode);
        Assert.Equal(progress, paused.Headers.Location!.OriginalString);
        Assert.Equal(CampaignStatus.Paused, status);
        Assert.Equal("Рассылка «Пауза» приостановлена.", afterPause.StatusMessage());
        Assert.Equal("приостановлена", afterPause.QuerySelector("[data-progress='statusText']")!.TextContent.Trim());
        Assert.NotNull(afterPause.GetElementById("resume-form"));
        Assert.Null(afterPause.GetElementById("pause-form"));
        Assert.Equal(CampaignStatus.Sending, await site.StatusOfAsync(id));
        Assert.Equal("Рассылка «Пауза» продолжается.", afterResume.StatusMessage());
        var entries = await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Target == $"campaign {id}").OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditActions.CampaignPaused, AuditActions.CampaignResumed], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(SubscriberData.Administrator, e.User));
        Assert.All(entries, e => Assert.Equal("Пауза", e.Details));
    }

    [Fact]
    public async Task Cancelling_asks_first_then_stops_the_campaign_for_good_and_shows_the_report()
    {
        var id = await site.AddCampaignAsync("Отмена", CampaignStatus.Paused);
        await site.AddLinesAsync(id, "cancel", Sent(), Pending(), Pending());
        var marketer = await site.LogInAsync(await site.CreateAsync("cancelling@staraya-russa.test", "Marketer"));

        var (_, progress) = await marketer.GetPageAsync($"/admin/marketing/campaigns/{id}/progress");
        var confirmPath = progress.GetElementById("cancel-link")!.GetAttribute("href")!;
        var (confirmResponse, confirm) = await marketer.GetPageAsync(confirmPath);
        var stillPaused = await site.StatusOfAsync(id);
        var cancelled = await marketer.SubmitAsync(confirm.Form("#cancel-form"), []);
        var (_, report) = await marketer.GetPageAsync(cancelled.Headers.Location!.OriginalString);

        Assert.Equal($"/admin/marketing/campaigns/{id}/cancel", confirmPath);
        Assert.Equal(HttpStatusCode.OK, confirmResponse.StatusCode);
        Assert.Equal(CampaignStatus.Paused, stillPaused);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal($"/admin/marketing/campaigns/{id}/report", cancelled.Headers.Location!.OriginalString);
        Assert.StartsWith("Рассылка «Отмена» отменена", report.StatusMessage());
        Assert.Equal("2", report.QuerySelector("[data-count='not-sent']")!.FirstChild!.TextContent.Trim());
        var campaign = await site.WithDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(CampaignStatus.Cancelled, campaign.Status);
        Assert.NotNull(campaign.FinishedAt);
        var entry = await site.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Target == $"campaign {id}"));
        Assert.Equal((AuditActions.CampaignCancelled, "cancelling@staraya-russa.test"), (entry.Action, entry.User));
    }

    [Fact]
    public async Task A_move_someone_else_made_impossible_meanwhile_changes_nothing_and_says_where_the_campaign_is()
    {
        var id = await site.AddCampaignAsync("Устарело", CampaignStatus.Paused);
        var admin = await site.LogInAsAdministratorAsync();
        var (_, page) = await admin.GetPageAsync($"/admin/marketing/campaigns/{id}/progress");
        var (_, confirm) = await admin.GetPageAsync($"/admin/marketing/campaigns/{id}/cancel");
        await site.SetStatusAsync(id, CampaignStatus.Sent); // it finished while the marketer looked

        var resume = await admin.SubmitAsync(page.Form("#resume-form"), []);
        var (_, afterResume) = await admin.GetPageAsync(resume.Headers.Location!.OriginalString);
        var cancel = await admin.SubmitAsync(confirm.Form("#cancel-form"), []);
        var (_, afterCancel) = await admin.GetPageAsync(cancel.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, resume.StatusCode);
        Assert.Equal("Ничего не изменилось: рассылка уже отправлена.", afterResume.StatusMessage());
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal($"/admin/marketing/campaigns/{id}/progress", cancel.Headers.Location!.OriginalString);
        Assert.Equal("Ничего не изменилось: рассылка уже отправлена.", afterCancel.StatusMessage());
        Assert.Equal(CampaignStatus.Sent, await site.StatusOfAsync(id));
        Assert.False(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Target == $"campaign {id}")));
    }

    [Fact]
    public async Task Opening_the_cancel_page_of_a_finished_campaign_says_it_cannot_be_cancelled()
    {
        var id = await site.AddCampaignAsync("Закончена", CampaignStatus.Cancelled, finishedAt: SubscriberData.Monday);
        var admin = await site.LogInAsAdministratorAsync();

        var response = await admin.GetAsync($"/admin/marketing/campaigns/{id}/cancel");
        var (_, page) = await admin.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Ничего не изменилось: рассылка уже отменена.", page.StatusMessage());
    }
}
