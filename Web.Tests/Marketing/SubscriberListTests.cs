using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Subscribers;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Marketing;

/// <summary>The subscriber list: search by part of the address, filters, keyset paging and counts.</summary>
public sealed class SubscriberListTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task A_search_finds_a_part_anywhere_in_the_address_or_only_at_its_start()
    {
        await site.AddAsync(
            SubscriberData.New("olga.petrova@search.test"),
            SubscriberData.New("petr.ivanov@search.test"),
            SubscriberData.New("anna@search.test"));
        var admin = await site.LogInAsAdministratorAsync();

        var contains = await EmailsAsync(admin, "/admin/marketing/subscribers?q=PETR");
        var prefix = await EmailsAsync(admin, "/admin/marketing/subscribers?q=petr&match=prefix");

        Assert.Equal(["petr.ivanov@search.test", "olga.petrova@search.test"], contains);
        Assert.Equal(["petr.ivanov@search.test"], prefix);
    }

    [Fact]
    public async Task A_search_shorter_than_three_characters_matches_the_start_of_the_address()
    {
        await site.AddAsync(SubscriberData.New("zo.first@short.test"), SubscriberData.New("azo@short.test"));
        var admin = await site.LogInAsAdministratorAsync();

        Assert.Equal(["zo.first@short.test"], await EmailsAsync(admin, "/admin/marketing/subscribers?q=zo"));
    }

    [Theory]
    [InlineData("r%c", "per%cent@escape.test")]
    [InlineData("r_s", "under_score@escape.test")]
    [InlineData("k\\s", "back\\slash@escape.test")]
    public async Task Like_wildcards_in_a_search_are_taken_literally(string term, string expected)
    {
        await site.WithDbAsync(async db =>
        {
            if (!await db.Subscribers.AnyAsync(s => s.Email.EndsWith("@escape.test")))
            {
                // Each has a twin that the term would match if its wildcard were not escaped.
                db.Subscribers.AddRange(
                    SubscriberData.New("per%cent@escape.test"),
                    SubscriberData.New("percent@escape.test"),
                    SubscriberData.New("under_score@escape.test"),
                    SubscriberData.New("underxscore@escape.test"),
                    SubscriberData.New("back\\slash@escape.test"),
                    SubscriberData.New("backslash@escape.test"));
                await db.SaveChangesAsync();
            }
        });
        var admin = await site.LogInAsAdministratorAsync();

        var found = await EmailsAsync(admin, "/admin/marketing/subscribers?q=" + Uri.EscapeDataString(term));

        Assert.Equal([expected], found);
    }

    [Fact]
    public async Task Status_language_and_source_each_narrow_the_list()
    {
        await site.AddAsync(
            SubscriberData.New("ru-form@filters.test"),
            SubscriberData.New("en-form@filters.test", language: Language.En),
            SubscriberData.New("pending@filters.test", status: SubscriberStatus.Pending),
            SubscriberData.New("gone@filters.test", status: SubscriberStatus.Unsubscribed),
            SubscriberData.New("imported@filters.test", source: SubscriberSource.Import));
        var admin = await site.LogInAsAdministratorAsync();
        const string list = "/admin/marketing/subscribers?q=filters.test";

        Assert.Equal(["pending@filters.test"], await EmailsAsync(admin, list + "&status=pending"));
        Assert.Equal(["gone@filters.test"], await EmailsAsync(admin, list + "&status=unsubscribed"));
        Assert.Equal(["en-form@filters.test"], await EmailsAsync(admin, list + "&language=en"));
        Assert.Equal(["imported@filters.test"], await EmailsAsync(admin, list + "&source=import"));
        Assert.Equal(["en-form@filters.test"], await EmailsAsync(admin, list + "&language=en&status=confirmed&source=form"));
    }

    [Fact]
    public async Task Counts_show_the_total_and_each_status_for_the_filter()
    {
        await site.AddAsync(
            SubscriberData.New("a@counts.test"),
            SubscriberData.New("b@counts.test"),
            SubscriberData.New("c@counts.test", status: SubscriberStatus.Pending),
            SubscriberData.New("d@counts.test", status: SubscriberStatus.Unsubscribed, language: Language.En));
        var admin = await site.LogInAsAdministratorAsync();

        var (_, all) = await admin.GetPageAsync("/admin/marketing/subscribers?q=counts.test");
        var (_, russian) = await admin.GetPageAsync("/admin/marketing/subscribers?q=counts.test&language=ru&status=confirmed");

        Assert.Equal("Найдено: 4", all.GetElementById("subscriber-total")!.TextContent.Trim());
        Assert.Equal(("2", "1", "1"), StatusCounts(all));
        Assert.Equal("Найдено: 2", russian.GetElementById("subscriber-total")!.TextContent.Trim());
        Assert.Equal(("2", "1", "0"), StatusCounts(russian));
    }

    [Fact]
    public async Task A_search_with_more_matches_than_the_cap_says_more_than_and_leaves_out_the_counts_by_status()
    {
        await site.AddAsync(Enumerable.Range(0, 1001).Select(i => SubscriberData.New($"many{i}@cap.test")).ToArray());
        var admin = await site.LogInAsAdministratorAsync();

        var (_, page) = await admin.GetPageAsync("/admin/marketing/subscribers?q=cap.test");
        var (_, pending) = await admin.GetPageAsync("/admin/marketing/subscribers?q=cap.test&status=pending");

        Assert.Equal("Найдено: более 1\u00a0000", page.GetElementById("subscriber-total")!.TextContent.Trim());
        Assert.Null(page.QuerySelector(".status-counts"));
        Assert.Equal(50, Emails(page).Count);
        Assert.Equal("Найдено: 0", pending.GetElementById("subscriber-total")!.TextContent.Trim());
    }

    [Fact]
    public async Task Keyset_pages_go_forward_and_back_without_repeats_or_gaps()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await site.AddAsync(Enumerable.Range(0, 120).Select(i => SubscriberData.New($"p{i:D3}@paging.test", at: start.AddMinutes(i))).ToArray());
        var admin = await site.LogInAsAdministratorAsync();

        var (_, first) = await admin.GetPageAsync("/admin/marketing/subscribers?q=paging.test");
        var (_, second) = await admin.GetPageAsync(Next(first));
        var (_, third) = await admin.GetPageAsync(Next(second));
        var (_, backToSecond) = await admin.GetPageAsync(Previous(third));
        var (_, backToFirst) = await admin.GetPageAsync(Previous(backToSecond));

        var forward = Emails(first).Concat(Emails(second)).Concat(Emails(third)).ToList();
        Assert.Equal(Enumerable.Range(0, 120).Reverse().Select(i => $"p{i:D3}@paging.test"), forward);
        Assert.Equal(20, Emails(third).Count);
        Assert.Null(third.QuerySelector("a[rel=next]"));
        Assert.Equal(Emails(second), Emails(backToSecond));
        Assert.Equal(Emails(first), Emails(backToFirst));
        Assert.Null(backToFirst.QuerySelector("a[rel=prev]"));
        Assert.Contains("q=paging.test", Next(first));
        Assert.DoesNotContain("page", Next(first), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_search_longer_than_any_address_says_so_at_the_field_and_finds_nothing()
    {
        var admin = await site.LogInAsAdministratorAsync();

        var (response, page) = await admin.GetPageAsync("/admin/marketing/subscribers?q=" + new string('a', 300));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("не бывает длиннее 254", page.FieldError("q"));
        Assert.Empty(Emails(page));
    }

    [Fact]
    public async Task Nonsense_filters_and_cursors_are_ignored_not_an_error()
    {
        var admin = await site.LogInAsAdministratorAsync();

        var (response, _) = await admin.GetPageAsync("/admin/marketing/subscribers?status=7&language=xx&source=%27&after=abc&before=-1&match=regex");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_list_links_to_the_import_and_to_the_export_of_the_current_filter()
    {
        var admin = await site.LogInAsAdministratorAsync();

        var (_, page) = await admin.GetPageAsync("/admin/marketing/subscribers?q=links.test&status=pending");

        Assert.NotNull(page.QuerySelector("a[href='/admin/marketing/imports']"));
        Assert.Equal("/admin/marketing/subscribers/export?q=links.test&status=pending", page.QuerySelector("a[href*='/export']")!.GetAttribute("href"));
    }

    private static async Task<List<string>> EmailsAsync(HttpClient client, string path)
    {
        var (response, page) = await client.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Emails(page);
    }

    private static List<string> Emails(IDocument page) =>
        page.QuerySelectorAll("table.subscribers tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    private static (string Confirmed, string Pending, string Unsubscribed) StatusCounts(IDocument page)
    {
        string Count(string status) => page.QuerySelector($".status-count[data-status={status}]")!.TextContent.Trim();
        return (Count("confirmed"), Count("pending"), Count("unsubscribed"));
    }

    private static string Next(IDocument page) => "/admin/marketing/subscribers" + page.QuerySelector("a[rel=next]")!.GetAttribute("href");

    private static string Previous(IDocument page) => "/admin/marketing/subscribers" + page.QuerySelector("a[rel=prev]")!.GetAttribute("href");
}
