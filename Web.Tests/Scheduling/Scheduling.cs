using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Core;
using Sanatorium.Web.Tests.Infrastructure;
using Sanatorium.Web.Tests.Newsletter;

namespace Sanatorium.Web.Tests.Scheduling;

/// <summary>A site whose clock the test moves, with a scheduled publisher that looks five times a second.</summary>
public sealed class SchedulingSite : SiteFactory
{
    public ConfirmationExpiryTests.MovableClock Clock { get; } = new();

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Scheduling:PollInterval"] = "00:00:00.2";
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>An editor's steps: save a draft through the edit form, schedule it through the schedule form.</summary>
public static class Scheduling
{
    /// <summary>What a datetime-local field sends for a moment, in resort time.</summary>
    public static string Input(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, ResortClock.Zone).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The edit page of the first item of a content list, found by following the link.</summary>
    public static async Task<string> EditPathAsync(HttpClient staff, string list = "/admin/content/treatments")
    {
        var (_, page) = await staff.GetPageAsync(list);
        return page.QuerySelector("tbody a")!.GetAttribute("href")!;
    }

    /// <summary>Fills the edit form (field keys like "en-Title") and presses Save draft.</summary>
    public static async Task<HttpResponseMessage> SaveDraftAsync(HttpClient editor, string edit, Dictionary<string, string> fields)
    {
        var (_, page) = await editor.GetPageAsync(edit);
        return await editor.SubmitAsync(
            page.QuerySelector<IHtmlFormElement>("form.editor")!,
            fields.ToDictionary(f => $"Input.Fields[{f.Key}]", f => f.Value),
            page.QuerySelector("button[formaction*=Save]"));
    }

    /// <summary>Submits the schedule form of the edit page with <paramref name="publishAt"/> as typed.</summary>
    public static async Task<HttpResponseMessage> ScheduleAsync(HttpClient editor, string edit, string publishAt, Dictionary<string, string>? more = null)
    {
        var (_, page) = await editor.GetPageAsync(edit);
        var values = new Dictionary<string, string>(more ?? []) { ["PublishAt"] = publishAt };
        return await editor.SubmitAsync(page.QuerySelector<IHtmlFormElement>("#schedule-form")!, values);
    }
}
