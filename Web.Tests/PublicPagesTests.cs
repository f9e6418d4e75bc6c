using AngleSharp.Dom;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>Every public page, in both languages: what a visitor and a search engine see in its head, header and footer.</summary>
public sealed class PublicPagesTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    /// <summary>Each public page template as (Russian path, English path).</summary>
    public static TheoryData<string, string> Pages => new()
    {
        { "/", "/en/" },
        { "/profiles/bolezni-kostno-myshechnoy-sistemy", "/en/profiles/musculoskeletal-system" },
        { "/treatments/poyasnichnyy-bolevoy-sindrom", "/en/treatments/lumbar-pain-syndrome" },
        { "/info/obshchie-protivopokazaniya", "/en/info/general-contraindications" },
        { "/accessibility", "/en/accessibility" },
        { "/promotions", "/en/promotions" },
    };

    /// <summary>The pages search engines are asked to index on a fresh site: all but the promotions list, empty until a promotion runs.</summary>
    public static TheoryData<string, string> IndexedPages
    {
        get
        {
            var pages = new TheoryData<string, string>();
            foreach (var row in Pages.Where(row => (string)row[0] != "/promotions"))
            {
                pages.Add((string)row[0], (string)row[1]);
            }

            return pages;
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_exists_in_both_languages_with_its_own_title_and_description(string ru, string en)
    {
        var client = site.CreateVisitor();
        var (ruResponse, ruPage) = await client.GetPageAsync(ru);
        var (enResponse, enPage) = await client.GetPageAsync(en);

        Assert.Equal(200, (int)ruResponse.StatusCode);
        Assert.Equal(200, (int)enResponse.StatusCode);
        Assert.Equal("ru", ruPage.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", enPage.DocumentElement.GetAttribute("lang"));
        Assert.Matches("[А-Яа-я]", ruPage.Title);
        Assert.DoesNotMatch("[А-Яа-яЁё]", enPage.Title);
        Assert.NotEqual(ruPage.Title, enPage.Title);
        Assert.NotEqual(Description(ruPage), Description(enPage));
        Assert.False(string.IsNullOrWhiteSpace(Description(ruPage)));
        Assert.False(string.IsNullOrWhiteSpace(Description(enPage)));
    }

    [Fact]
    public async Task Titles_are_unique_across_pages_in_each_language()
    {
        var client = site.CreateVisitor();
        var titles = new List<string>();
        foreach (var row in Pages)
        {
            foreach (var path in row)
            {
                titles.Add((await client.GetPageAsync((string)path)).Document.Title!);
            }
        }

        Assert.Equal(titles.Count, titles.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(IndexedPages))]
    public async Task Canonical_and_hreflang_links_are_absolute_and_point_at_both_languages(string ru, string en)
    {
        var client = site.CreateVisitor();
        foreach (var (path, own) in new[] { (ru, ru), (en, en) })
        {
            var (_, page) = await client.GetPageAsync(path);

            Assert.Equal(SiteFactory.BaseUrl + own, Href(page, "link[rel=canonical]"));
            Assert.Equal(SiteFactory.BaseUrl + ru, Href(page, "link[rel=alternate][hreflang=ru]"));
            Assert.Equal(SiteFactory.BaseUrl + en, Href(page, "link[rel=alternate][hreflang=en]"));
            Assert.Equal(SiteFactory.BaseUrl + ru, Href(page, "link[rel=alternate][hreflang=x-default]"));
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_language_switch_leads_to_the_same_page_in_the_other_language(string ru, string en)
    {
        var client = site.CreateVisitor();

        var (_, russian) = await client.GetPageAsync(ru);
        var toEnglish = russian.QuerySelector(".lang-switch a[hreflang=en]");
        Assert.NotNull(toEnglish);
        Assert.Equal(en, toEnglish.GetAttribute("href"));
        Assert.Equal("en", toEnglish.GetAttribute("lang"));

        var (response, english) = await client.GetPageAsync(toEnglish.GetAttribute("href")!);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(ru, english.QuerySelector(".lang-switch a[hreflang=ru]")?.GetAttribute("href"));
        Assert.Equal("ru", english.QuerySelector(".lang-switch a[hreflang=ru]")?.GetAttribute("lang"));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_has_the_header_and_the_newsletter_form_in_its_footer(string ru, string en)
    {
        var client = site.CreateVisitor();
        foreach (var (path, expected) in new[] { (ru, ("Версия для слабовидящих", "/accessibility")), (en, ("Version for visually impaired", "/en/accessibility")) })
        {
            var (_, page) = await client.GetPageAsync(path);

            // The toggle is a button of a form, so that it works without JavaScript.
            var toggle = page.QuerySelector("header form button[name=change][value=on]");
            Assert.Equal(expected.Item1, toggle?.TextContent.Trim());
            Assert.Equal(expected.Item2, toggle?.Closest("form")?.GetAttribute("action"));
            Assert.Equal(expected.Item2, page.QuerySelector($"footer a[href='{expected.Item2}']")?.GetAttribute("href"));
            var form = page.QuerySelector("footer form");
            Assert.NotNull(form);
            Assert.Equal("post", form.GetAttribute("method"));
            var email = form.QuerySelector("input[type=email]");
            Assert.NotNull(email);
            Assert.NotNull(page.QuerySelector($"label[for={email.Id}]"));
            // Nothing per visitor, so that public pages can be cached (decision 0019).
            Assert.Null(form.QuerySelector("input[name=__RequestVerificationToken]"));
        }
    }

    [Fact]
    public async Task The_home_page_lists_the_profiles_with_their_treatments()
    {
        var client = site.CreateVisitor();

        var (_, ru) = await client.GetPageAsync("/");
        var (_, en) = await client.GetPageAsync("/en/");

        Assert.Contains(ru.QuerySelectorAll(".profiles a"), a =>
            a.GetAttribute("href") == "/profiles/bolezni-kostno-myshechnoy-sistemy");
        Assert.Contains(ru.QuerySelectorAll(".profiles a"), a =>
            a.GetAttribute("href") == "/treatments/poyasnichnyy-bolevoy-sindrom"
            && a.TextContent.Contains("поясничного болевого синдрома"));
        Assert.Contains(en.QuerySelectorAll(".profiles a"), a =>
            a.GetAttribute("href") == "/en/treatments/lumbar-pain-syndrome"
            && a.TextContent.Contains("lumbar pain syndrome"));
    }

    [Fact]
    public async Task Pages_tell_the_browser_to_run_no_inline_or_foreign_script()
    {
        var response = await site.CreateVisitor().GetAsync("/en/");

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    private static string? Description(IDocument page) =>
        page.QuerySelector("meta[name=description]")?.GetAttribute("content");

    private static string? Href(IDocument page, string selector) =>
        page.QuerySelector(selector)?.GetAttribute("href");
}
