using System.Net;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Newsletters;
using Sanatorium.Web.Tests.Infrastructure;
using Sanatorium.Web.Tests.Marketing;
using static Sanatorium.Web.Tests.Campaigns.Report.CampaignLedgerData;

namespace Sanatorium.Web.Tests.Campaigns.Report;

/// <summary>"Resend to failed": only the lines the server refused go back in the queue; the button is there only when some did.</summary>
public sealed class ResendToFailedTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Resending_puts_only_the_failed_lines_back_in_the_queue_and_shows_the_progress()
    {
        // Paused: the lines go back in the queue, but no dispatcher sends a paused campaign during the test.
        // (A sent campaign would go back to sending, and after the merge the dispatcher would send them.)
        var id = await site.AddCampaignAsync("Повтор", CampaignStatus.Paused);
        await site.AddLinesAsync(id, "resend", Sent(), Failed("550 no such user"), Failed("554 rejected"), Skipped(), Pending());
        var admin = await site.LogInAsAdministratorAsync();

        var (_, report) = await admin.GetPageAsync($"/admin/marketing/campaigns/{id}/report");
        var form = report.Form("#resend-form");
        var response = await admin.SubmitAsync(form, []);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var (_, progress) = await admin.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Equal("Отправить ещё раз не получившим (2)", form.QuerySelector("button")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/marketing/campaigns/{id}/progress", response.Headers.Location!.OriginalString);
        Assert.Equal("Письма 2 получателям снова в очереди.", progress.StatusMessage());
        var lines = await site.WithDbAsync(db => db.CampaignDeliveries.Where(d => d.CampaignId == id).OrderBy(d => d.Id).Select(d => d.Status).ToListAsync());
        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Pending, DeliveryStatus.Pending, DeliveryStatus.Skipped, DeliveryStatus.Pending], lines);
        Assert.Equal(CampaignStatus.Paused, await site.StatusOfAsync(id));
        var entry = await site.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Target == $"campaign {id}"));
        Assert.Equal((AuditActions.CampaignResentToFailed, "Повтор: 2"), (entry.Action, entry.Details));
    }

    [Fact]
    public async Task A_finished_campaign_with_failures_offers_it_and_explains_nobody_gets_it_twice()
    {
        var id = await site.AddCampaignAsync("Повтор после", CampaignStatus.Sent, finishedAt: SubscriberData.Monday.AddHours(1));
        await site.AddLinesAsync(id, "offer", Sent(), Failed("550 no such user"));
        var admin = await site.LogInAsAdministratorAsync();

        var (_, page) = await admin.GetPageAsync($"/admin/marketing/campaigns/{id}/report");

        var form = page.Form("#resend-form");
        Assert.Equal("post", form.Method);
        Assert.NotNull(form.QuerySelector("input[name='__RequestVerificationToken']"));
        Assert.Contains("кто рассылку получил, второй раз её не получит", form.TextContent);
    }

    [Fact]
    public async Task Without_failures_there_is_no_button_and_a_stale_resend_changes_nothing()
    {
        var id = await site.AddCampaignAsync("Без отказов", CampaignStatus.Paused);
        await site.AddLinesAsync(id, "clean", Sent(), Failed("550 no such user"));
        var admin = await site.LogInAsAdministratorAsync();
        var (_, before) = await admin.GetPageAsync($"/admin/marketing/campaigns/{id}/report");
        var form = before.Form("#resend-form");
        await site.WithDbAsync(db => db.CampaignDeliveries.Where(d => d.CampaignId == id).ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, DeliveryStatus.Sent)));

        var (_, page) = await admin.GetPageAsync($"/admin/marketing/campaigns/{id}/report");
        var response = await admin.SubmitAsync(form, []);
        var (_, after) = await admin.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Null(page.GetElementById("resend-form"));
        Assert.Equal("Сервер принял все письма.", page.QuerySelector("#failed-heading + p")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/marketing/campaigns/{id}/report", response.Headers.Location!.OriginalString);
        Assert.StartsWith("Отправлять ещё раз некому", after.StatusMessage());
        Assert.False(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Target == $"campaign {id}")));
    }
}
