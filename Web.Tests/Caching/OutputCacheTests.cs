using System.Net;
using AngleSharp.Dom;
using Sanatorium.Core;
using Sanatorium.Web.Enquiries;
using Sanatorium.Web.Newsletter;
using Sanatorium.Web.Site;
using Sanatorium.Web.Site.Vision;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Caching;

/// <summary>
/// Public pages come from the output cache (docs/decisions/0029-output-cache.md): one copy per address and
/// per setting of the version for the visually impaired, nothing per visitor on them, never a page of the
/// back office or of a member of staff. A change made straight in the database, which nobody announced,
/// shows only once the cache is emptied: that is how these tests see a copy was served.
/// </summary>
public sealed class OutputCacheTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    /// <summary>Every public page in both languages.</summary>
    public static TheoryData<string> PublicPages()
    {
        var pages = new TheoryData<string>();
        foreach (var language in Languages.All)
        {
            var ru = language == Language.Ru;
            pages.Add(SiteUrls.Home(language));
            pages.Add(SiteUrls.Profile(language, ru ? "bolezni-kostno-myshechnoy-sistemy" : "musculoskeletal-system"));
            pages.Add(SiteUrls.Treatment(language, ru ? "poyasnichnyy-bolevoy-sindrom" : "lumbar-pain-syndrome"));
            pages.Add(SiteUrls.Info(language, ru ? "obshchie-protivopokazaniya" : "general-contraindications"));
            pages.Add(SiteUrls.Promotions(language));
            pages.Add(SiteUrls.Accessibility(language));
            pages.Add(SiteUrls.Contacts(language));
            pages.Add(SiteUrls.Prices(language));
            pages.Add(SiteUrls.OperatorDetails(language));
            pages.Add(NewsletterUrls.PrivacyPolicy(language));
            pages.Add(NewsletterUrls.PersonalDataConsent(language));
            pages.Add(EnquiryUrls.Form(language));
            pages.Add(EnquiryUrls.Sent(language));
            pages.Add(NewsletterUrls.Form(language));
            pages.Add(NewsletterUrls.Sent(language));
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Every_public_page_is_cached_and_carries_no_token_and_sets_no_cookie(string path)
    {
        var first = await site.CreateVisitor().GetAsync(path);
        var second = await site.CreateVisitor().GetAsync(path);

        foreach (var response in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} sets {string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [])}");
            Assert.DoesNotContain("__RequestVerificationToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True(second.FromCache(), $"{path} was rendered again");
    }

    [Fact]
    public async Task A_second_request_is_served_from_the_cache_until_the_site_changes()
    {
        var (_, before) = await site.CreateVisitor().GetPageAsync(Cached.Treatment);

        await Cached.RetitleAsync(site.ConnectionString, "Unannounced");
        var (cachedResponse, cached) = await site.CreateVisitor().GetPageAsync(Cached.Treatment);
        await site.ForgetCachedPagesAsync();
        var (_, fresh) = await site.CreateVisitor().GetPageAsync(Cached.Treatment);

        Assert.True(cachedResponse.FromCache());
        Assert.Equal(Title(before), Title(cached));
        Assert.EndsWith("Unannounced", Title(fresh), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_setting_of_the_version_for_the_visually_impaired_has_its_own_copy_and_junk_cookies_share_the_normal_one()
    {
        const string path = "/en/info/general-contraindications";
        var large = VisionSettings.Defaults.Apply("size-200");

        var normal = await GetAsync(path, null);
        var largeLetters = await GetAsync(path, large.Format());
        var normalAgain = await GetAsync(path, null);
        var junk = await GetAsync(path, "garbage.size-9000");
        var largeAgain = await GetAsync(path, "size-200");

        Assert.Null(normal.Page.DocumentElement.GetAttribute("class"));
        Assert.Equal("200", largeLetters.Page.DocumentElement.GetAttribute("data-size"));
        Assert.False(largeLetters.Response.FromCache());
        Assert.True(normalAgain.Response.FromCache());
        Assert.Null(normalAgain.Page.DocumentElement.GetAttribute("class"));
        Assert.Null(normalAgain.Page.QuerySelector("#vision-panel"));
        Assert.True(junk.Response.FromCache());
        Assert.Null(junk.Page.DocumentElement.GetAttribute("class"));
        // "size-200" alone is the same setting as the cookie written in full: the same copy.
        Assert.True(largeAgain.Response.FromCache());
        Assert.Equal("200", largeAgain.Page.DocumentElement.GetAttribute("data-size"));
    }

    [Fact]
    public async Task Each_language_has_its_own_copy()
    {
        var visitor = site.CreateVisitor();
        await visitor.GetAsync("/contacts");
        await visitor.GetAsync("/en/contacts");

        var (ruResponse, ru) = await visitor.GetPageAsync("/contacts");
        var (enResponse, en) = await visitor.GetPageAsync("/en/contacts");

        Assert.True(ruResponse.FromCache() && enResponse.FromCache());
        Assert.Equal("ru", ru.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_query_string_neither_makes_a_new_copy_nor_shows_on_the_page()
    {
        const string path = "/en/prices";
        await site.CreateVisitor().GetAsync(path);

        var (response, page) = await site.CreateVisitor().GetPageAsync(path + "?utm_source=" + Guid.NewGuid().ToString("N"));

        Assert.True(response.FromCache());
        Assert.Equal(path, page.QuerySelector("header form input[name=returnUrl]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_member_of_staff_is_never_served_a_copy_nor_are_back_office_pages_kept()
    {
        var staff = await site.LogInAsync("admin@staraya-russa.test", "Correct-Horse-42");
        await site.CreateVisitor().GetAsync("/en/");
        await staff.GetAsync("/en/");
        await staff.GetAsync("/admin");

        var home = await staff.GetAsync("/en/");
        var admin = await staff.GetAsync("/admin");
        var dashboard = await staff.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.False(home.FromCache());
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.False(admin.FromCache() || dashboard.FromCache());
    }

    private async Task<(HttpResponseMessage Response, IDocument Page)> GetAsync(string path, string? cookie)
    {
        var client = site.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", $"{VisionSettings.CookieName}={cookie}");
        }

        return await client.GetPageAsync(path);
    }

    private static string Title(IDocument page) => page.QuerySelector("h1")!.TextContent.Trim();
}
