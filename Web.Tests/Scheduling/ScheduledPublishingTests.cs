using System.Net;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Scheduling;

/// <summary>
/// An editor schedules a draft for a resort time: it stays hidden until then and goes live by itself,
/// through the editors' publish path, on a site whose clock the test moves. Each test writes a page of its own.
/// </summary>
public sealed class ScheduledPublishingTests(SchedulingSite site) : IClassFixture<SchedulingSite>
{
    [Fact]
    public async Task A_scheduled_draft_is_hidden_before_its_time_and_public_after_published_by_the_scheduler_in_the_editors_name()
    {
        var editor = await site.LogInAsync(await site.CreateAsync("scheduler-editor@staraya-russa.test", Roles.Editor));
        var edit = await NewPageAsync(editor, "Летнее расписание процедур");
        var at = site.Clock.GetUtcNow().AddHours(1);

        var scheduled = await Scheduling.ScheduleAsync(editor, edit, Scheduling.Input(at));
        var (_, page) = await editor.GetPageAsync(edit);
        var (_, list) = await editor.GetPageAsync("/admin/content/pages?q=Летнее");

        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var resortTime = Sanatorium.Core.ResortClock.Format(at);
        Assert.Equal($"Редакция 1 будет опубликована {resortTime} (московское время).", page.StatusMessage());
        Assert.Contains(resortTime, page.QuerySelector("#scheduled-notice")!.TextContent);
        Assert.Contains("scheduler-editor@staraya-russa.test", page.QuerySelector("#scheduled-notice")!.TextContent);
        Assert.Equal(resortTime, list.QuerySelector("tbody td.scheduled")!.TextContent);

        // Not before its time, however long one waits.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync("/info/letnee-raspisanie-protsedur")).StatusCode);

        site.Clock.Ahead += TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1);
        await Eventually.HoldsAsync(
            async () => (await site.CreateVisitor().GetAsync("/info/letnee-raspisanie-protsedur")).StatusCode == HttpStatusCode.OK,
            "the scheduled page to be public");

        var published = await site.WithDbAsync(db => db.AuditEntries
            .Where(e => e.Action == "content.published" && e.Target.Contains("Летнее расписание процедур"))
            .ToListAsync());
        var entry = Assert.Single(published);
        Assert.Equal("scheduler", entry.User);
        Assert.Equal("revision 1, scheduled by scheduler-editor@staraya-russa.test", entry.Details);
        Assert.Equal(0, await site.WithDbAsync(db => db.ScheduledPublications.CountAsync(s => s.Revision == 1 && s.ScheduledBy == "scheduler-editor@staraya-russa.test")));
        var (_, after) = await editor.GetPageAsync(edit);
        Assert.Null(after.QuerySelector("#scheduled-notice"));
        Assert.Null(after.QuerySelector("#schedule-form"));
    }

    [Theory]
    [InlineData("", "Укажите дату и время, например 2026-05-01 09:00.")]
    [InlineData("завтра утром", "Укажите дату и время, например 2026-05-01 09:00.")]
    [InlineData("2026-13-45T25:00", "Укажите дату и время, например 2026-05-01 09:00.")]
    [InlineData("2000-01-01T09:00", "Это время уже прошло")]
    [InlineData("0001-01-01T00:00", "Это время уже прошло")]
    public async Task A_time_in_the_past_or_not_a_time_is_refused_with_a_message_and_nothing_is_scheduled(string publishAt, string message)
    {
        var editor = await site.LogInAsync(await site.CreateAsync($"refused-{Guid.NewGuid():N}@staraya-russa.test", Roles.Editor));
        var edit = await NewPageAsync(editor, $"Страница {Guid.NewGuid():N}");
        var before = await site.WithDbAsync(db => db.ScheduledPublications.CountAsync());

        var response = await Scheduling.ScheduleAsync(editor, edit, publishAt);
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(message, page.QuerySelector("#publish-at-error")!.TextContent);
        Assert.Contains("publish-at-error", page.QuerySelector("#publish-at")!.GetAttribute("aria-describedby"));
        Assert.Equal("true", page.QuerySelector("#publish-at")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, await site.WithDbAsync(db => db.ScheduledPublications.CountAsync()));
    }

    [Fact]
    public async Task A_form_older_than_the_newest_draft_is_refused_so_that_only_what_the_editor_saw_is_scheduled()
    {
        var editor = await site.LogInAsync(await site.CreateAsync("stale@staraya-russa.test", Roles.Editor));
        var edit = await NewPageAsync(editor, "Старая форма");
        var (_, old) = await editor.GetPageAsync(edit);
        await Scheduling.SaveDraftAsync(editor, edit, new() { ["ru-Lead"] = "Новее." });

        var response = await editor.SubmitAsync(
            old.Form("#schedule-form"),
            new() { ["PublishAt"] = Scheduling.Input(site.Clock.GetUtcNow().AddDays(1)) });

        Assert.Equal(
            "Пока страница была открыта, сохранили более новый черновик. Проверьте его и запланируйте снова.",
            (await response.ParseAsync()).QuerySelector("#publish-at-error")!.TextContent);
        Assert.False(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.User == "stale@staraya-russa.test" && e.Action == "content.scheduled")));
    }

    [Fact]
    public async Task Unscheduling_cancels_and_saving_a_newer_draft_cancels_with_a_notice_both_audited()
    {
        var editor = await site.LogInAsync(await site.CreateAsync("unschedule@staraya-russa.test", Roles.Editor));
        var edit = await NewPageAsync(editor, "Отменённая публикация");
        var at = site.Clock.GetUtcNow().AddDays(2);
        await Scheduling.ScheduleAsync(editor, edit, Scheduling.Input(at));

        var (_, page) = await editor.GetPageAsync(edit);
        var unscheduled = await editor.SubmitAsync(page.Form("form[action*='handler=Unschedule']"), []);
        var (_, afterUnschedule) = await editor.GetPageAsync(edit);

        Assert.Equal(HttpStatusCode.Redirect, unscheduled.StatusCode);
        Assert.Equal("Запланированная публикация отменена.", afterUnschedule.StatusMessage());
        Assert.Null(afterUnschedule.QuerySelector("#scheduled-notice"));

        await Scheduling.ScheduleAsync(editor, edit, Scheduling.Input(at));
        await Scheduling.SaveDraftAsync(editor, edit, new() { ["ru-Lead"] = "Исправлена опечатка." });
        var (_, afterSave) = await editor.GetPageAsync(edit);

        Assert.Contains(
            $"Публикация, запланированная на {Sanatorium.Core.ResortClock.Format(at)}, отменена, потому что сохранён более новый черновик.",
            afterSave.StatusMessage());
        Assert.Null(afterSave.QuerySelector("#scheduled-notice"));
        Assert.Equal(
            ["content.created", "content.scheduled", "content.unscheduled", "content.scheduled", "content.saved", "content.unscheduled"],
            await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Target.Contains("Отменённая публикация")).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync("/info/otmenyonnaya-publikatsiya")).StatusCode);
    }

    [Fact]
    public async Task Marketers_may_not_schedule_or_unschedule()
    {
        var editor = await site.LogInAsync(await site.CreateAsync("roles-editor@staraya-russa.test", Roles.Editor));
        var marketer = await site.LogInAsync(await site.CreateAsync("roles-marketer@staraya-russa.test", Roles.Marketer));
        var edit = await NewPageAsync(editor, "Только для редакторов");
        var (_, page) = await editor.GetPageAsync(edit);
        var form = page.Form("#schedule-form");

        var response = await marketer.PostAsync(form.Target(), new FormUrlEncodedContent(form.Fields(new Dictionary<string, string> { ["PublishAt"] = Scheduling.Input(site.Clock.GetUtcNow().AddDays(1)) })));
        var unschedule = await marketer.PostAsync(edit + "?handler=Unschedule", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unschedule.StatusCode);
        Assert.False(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Target.Contains("Только для редакторов") && e.Action == "content.scheduled")));
    }

    /// <summary>Creates a new information page as a draft (never published) and returns its edit page.</summary>
    private static async Task<string> NewPageAsync(HttpClient editor, string title)
    {
        var saved = await Scheduling.SaveDraftAsync(editor, "/admin/content/pages/edit", new() { ["ru-Title"] = title });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return saved.Headers.Location!.OriginalString;
    }
}
