using System.Net;
using AngleSharp.Dom;
using Sanatorium.Core.Audit;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>The audit log page: newest first, filtered by who, what and resort days, fifty to a page.</summary>
public sealed class AuditLogTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Administrator = "admin@staraya-russa.test";

    [Fact]
    public async Task Sixty_entries_fill_a_page_of_fifty_newest_first_and_a_second_of_ten()
    {
        var start = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await AddAsync(Enumerable.Range(0, 60).Select(i => new AuditEntry(start.AddMinutes(i), "pager@staraya-russa.test", "test.paged", $"item {i}", "")));
        var admin = await site.LogInAsync(Administrator, "Correct-Horse-42");

        var (_, first) = await admin.GetPageAsync("/admin/audit?action=test.paged");
        var older = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await admin.GetPageAsync("/admin/audit" + older);

        Assert.Equal(50, Targets(first).Count);
        Assert.Equal("item 59", Targets(first)[0]);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"item {9 - i}"), Targets(second));
        Assert.Contains("action=test.paged", older);
        Assert.Null(second.QuerySelector("a[rel=next]"));
        Assert.NotNull(second.QuerySelector("a[rel=prev]"));
    }

    [Fact]
    public async Task The_action_filter_offers_every_action_the_site_records_even_before_it_happened()
    {
        var admin = await site.LogInAsync(Administrator, "Correct-Horse-42");

        var (_, page) = await admin.GetPageAsync("/admin/audit");

        var offered = page.QuerySelectorAll("#filter-action option").Select(o => o.GetAttribute("value") ?? "").Where(v => v != "").ToList();
        Assert.Equal(AuditActions.All, offered);
        Assert.Contains(AuditActions.ContentUnpublished, offered);
    }

    [Fact]
    public async Task Filters_by_part_of_the_address_by_action_and_by_resort_days()
    {
        // 23:30 and 00:30 Moscow time (UTC+3), on either side of midnight, both on 10 January in UTC.
        await AddAsync(
        [
            new AuditEntry(new DateTimeOffset(2025, 1, 10, 20, 30, 0, TimeSpan.Zero), "night-owl@staraya-russa.test", AuditActions.ContentSaved, "late evening", ""),
            new AuditEntry(new DateTimeOffset(2025, 1, 10, 21, 30, 0, TimeSpan.Zero), "night-owl@staraya-russa.test", AuditActions.ContentSaved, "after midnight", ""),
            new AuditEntry(new DateTimeOffset(2025, 1, 10, 21, 40, 0, TimeSpan.Zero), "early-bird@staraya-russa.test", AuditActions.ContentSaved, "someone else", ""),
            new AuditEntry(new DateTimeOffset(2025, 1, 10, 21, 50, 0, TimeSpan.Zero), "night-owl@staraya-russa.test", AuditActions.ContactsSaved, "another action", ""),
        ]);
        var admin = await site.LogInAsync(Administrator, "Correct-Horse-42");

        var (_, byDay) = await admin.GetPageAsync("/admin/audit?user=NIGHT-OWL&action=" + AuditActions.ContentSaved + "&from=2025-01-11&to=2025-01-11");
        var (_, byUser) = await admin.GetPageAsync("/admin/audit?user=night-owl&action=" + AuditActions.ContentSaved);
        var (_, byAction) = await admin.GetPageAsync("/admin/audit?action=" + AuditActions.ContactsSaved);

        Assert.Equal(["after midnight"], Targets(byDay));
        Assert.Equal(["after midnight", "late evening"], Targets(byUser));
        Assert.Equal(["another action"], Targets(byAction));
        Assert.Equal("00:30", byDay.QuerySelector("tbody time")!.TextContent.Split(' ')[^1]);
        Assert.Equal(AuditActions.ContentSaved, byDay.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#filter-action")!.Value);
    }

    [Fact]
    public async Task A_reversed_date_range_is_told_at_its_field()
    {
        var admin = await site.LogInAsync(Administrator, "Correct-Horse-42");

        var (response, page) = await admin.GetPageAsync("/admin/audit?from=2025-02-02&to=2025-02-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Дата «по» раньше даты «с».", page.FieldError("to"));
    }

    private Task AddAsync(IEnumerable<AuditEntry> entries) =>
        site.WithDbAsync(async db =>
        {
            db.AuditEntries.AddRange(entries);
            await db.SaveChangesAsync();
        });

    private static List<string> Targets(IDocument page) =>
        page.QuerySelectorAll("tbody tr").Select(r => r.Children[3].TextContent).ToList();
}
