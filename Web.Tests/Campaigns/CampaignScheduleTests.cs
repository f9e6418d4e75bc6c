using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Newsletters;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Campaigns;

/// <summary>Scheduling in the resort's time (Moscow, UTC+3), refusing the past, and taking a campaign off the schedule.</summary>
public sealed class CampaignScheduleTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task A_time_in_resort_time_is_stored_in_utc_and_the_campaign_waits_rendered()
    {
        var id = await site.AddBilingualCampaignAsync("Scheduled");
        var marketer = await site.LogInAsMarketerAsync();
        var year = DateTime.UtcNow.Year + 1;

        var response = await marketer.SubmitFormAsync($"/admin/marketing/campaigns/{id}", new() { ["SendAt"] = $"{year}-03-01T09:30" }, "#schedule-form");

        Assert.Equal($"/admin/marketing/campaigns/{id}", response.Headers.Location!.OriginalString);
        var (_, page) = await marketer.GetPageAsync($"/admin/marketing/campaigns/{id}");
        Assert.Equal($"Рассылка запланирована на {year}-03-01 09:30 (время санатория).", page.StatusMessage());
        Assert.Contains($"{year}-03-01 09:30", page.QuerySelector("#scheduled")!.TextContent);
        Assert.Null(page.QuerySelector("#send-form"));
        var campaign = await site.CampaignAsync(id);
        Assert.Equal(CampaignStatus.Scheduled, campaign.Status);
        Assert.Equal(new DateTimeOffset(year, 3, 1, 6, 30, 0, TimeSpan.Zero), campaign.ScheduledAt);
        Assert.All(campaign.Translations, t => Assert.Contains(campaign.Placeholder!, t.Html));
        Assert.Equal(0, await site.WithDbAsync(db => db.CampaignDeliveries.CountAsync(d => d.CampaignId == id)));
        var audit = await site.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.CampaignScheduled && e.Target == $"campaign {id}"));
        Assert.Equal($"{year}-03-01 09:30", audit.Details);

        // A scheduled campaign's words cannot change until it is unscheduled.
        var save = await marketer.SubmitAsync(page.Form("#campaign-form"), new() { ["Input.Ru.Subject"] = "Поздно" });
        (_, page) = await marketer.GetPageAsync(save.Headers.Location!.OriginalString);
        Assert.Equal("Рассылку уже нельзя изменить: она не черновик.", page.StatusMessage());
        Assert.Equal("Осенние скидки", (await site.CampaignAsync(id)).Translation(Language.Ru)!.Subject);
    }

    [Fact]
    public async Task A_time_in_the_past_or_no_time_is_refused()
    {
        var id = await site.AddBilingualCampaignAsync("Too late");
        var marketer = await site.LogInAsMarketerAsync();
        // An hour ago in resort time (UTC+3): still "later today" in UTC terms, so a server reading it as UTC would take it.
        var anHourAgo = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(-1), ResortClock.Zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        var past = await marketer.SubmitFormAsync($"/admin/marketing/campaigns/{id}", new() { ["SendAt"] = anHourAgo }, "#schedule-form");
        var (_, page) = await marketer.GetPageAsync(past.Headers.Location!.OriginalString);
        Assert.StartsWith("Это время уже прошло", page.StatusMessage());

        var garbage = await marketer.SubmitFormAsync($"/admin/marketing/campaigns/{id}", new() { ["SendAt"] = "soon" }, "#schedule-form");
        (_, page) = await marketer.GetPageAsync(garbage.Headers.Location!.OriginalString);
        Assert.Equal("Укажите дату и время отправки.", page.StatusMessage());

        var campaign = await site.CampaignAsync(id);
        Assert.Equal(CampaignStatus.Draft, campaign.Status);
        Assert.Null(campaign.ScheduledAt);
    }

    [Fact]
    public async Task Unscheduling_makes_it_a_draft_again()
    {
        var id = await site.AddBilingualCampaignAsync("Changed my mind");
        var marketer = await site.LogInAsMarketerAsync();
        await marketer.SubmitFormAsync($"/admin/marketing/campaigns/{id}", new() { ["SendAt"] = $"{DateTime.UtcNow.Year + 1}-06-01T12:00" }, "#schedule-form");

        var response = await marketer.SubmitFormAsync($"/admin/marketing/campaigns/{id}", [], "#unschedule-form");

        var (_, page) = await marketer.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Рассылка снята с расписания и снова черновик.", page.StatusMessage());
        Assert.NotNull(page.QuerySelector("#send-form"));
        var campaign = await site.CampaignAsync(id);
        Assert.Equal(CampaignStatus.Draft, campaign.Status);
        Assert.Null(campaign.ScheduledAt);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.CampaignUnscheduled && e.Target == $"campaign {id}")));
        Assert.Equal(HttpStatusCode.OK, (await marketer.GetAsync($"/admin/marketing/campaigns/{id}")).StatusCode);
    }
}
