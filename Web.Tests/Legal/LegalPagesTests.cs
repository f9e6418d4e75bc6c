using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Seed;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Legal;

/// <summary>
/// The legal pages every page's footer links to, the consent the newsletter form links to, the seed that
/// puts them in a database of any age without touching an editor's text, and the cookies the policy names.
/// </summary>
public sealed class LegalPagesTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/", "/prices", "Цены", "/info/politika-obrabotki-personalnyh-dannyh", "Политика обработки персональных данных",
        "/info/soglasie-na-obrabotku-personalnyh-dannyh", "Согласие на обработку персональных данных", "/operator-details", "Реквизиты оператора")]
    [InlineData("/en/treatments/lumbar-pain-syndrome", "/en/prices", "Prices", "/en/info/privacy-policy", "Personal data policy",
        "/en/info/personal-data-consent", "Consent to the processing of personal data", "/en/operator-details", "Operator details")]
    public async Task The_footer_links_the_prices_policy_consent_and_operator_details_pages(string page, params string[] linksAndHeadings)
    {
        var visitor = site.CreateVisitor();
        var (_, document) = await visitor.GetPageAsync(page);

        var links = document.QuerySelectorAll("footer nav.footer-legal a").Select(a => a.GetAttribute("href")).ToArray();
        Assert.Equal(linksAndHeadings.Where((_, i) => i % 2 == 0), links);
        for (var i = 0; i < linksAndHeadings.Length; i += 2)
        {
            var (response, target) = await visitor.GetPageAsync(linksAndHeadings[i]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // Headings are typeset: a non-breaking space after a short word reads as a space.
            Assert.Equal(linksAndHeadings[i + 1], target.QuerySelector("h1")?.TextContent.Trim().Replace('\u00A0', ' '));
        }
    }

    [Theory]
    [InlineData("/", "/info/politika-obrabotki-personalnyh-dannyh", "/info/soglasie-na-obrabotku-personalnyh-dannyh")]
    [InlineData("/en/", "/en/info/privacy-policy", "/en/info/personal-data-consent")]
    public async Task The_newsletter_consent_links_the_policy_and_the_consent(string page, string policy, string consent)
    {
        var (_, document) = await site.CreateVisitor().GetPageAsync(page);

        var label = document.QuerySelector("footer form.newsletter label[for$=consent]")!;
        Assert.Equal([policy, consent], label.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/info/soglasie-na-obrabotku-personalnyh-dannyh", "/operator-details", "/info/politika-obrabotki-personalnyh-dannyh",
        "адрес электронной почты", "даты заезда и отъезда, число гостей", "в течение 30 дней")]
    [InlineData("/en/info/personal-data-consent", "/en/operator-details", "/en/info/privacy-policy",
        "e-mail address", "arrival and departure dates, the number of guests", "within 30 days")]
    public async Task The_consent_covers_both_forms_and_leaves_who_the_operator_is_to_the_details_page(
        string path, string operatorPage, string policy, params string[] words)
    {
        var visitor = site.CreateVisitor();
        var (_, page) = await visitor.GetPageAsync(path);

        var article = page.QuerySelector("main article")!;
        foreach (var word in words)
        {
            Assert.Contains(word, article.TextContent.Replace('\u00A0', ' '), StringComparison.Ordinal);
        }

        var links = article.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal([operatorPage, policy], links);
        foreach (var link in links)
        {
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(link)).StatusCode);
        }
    }

    [Theory]
    [InlineData("/prices", "Цены пока не опубликованы")]
    [InlineData("/en/prices", "No prices are published yet")]
    public async Task Without_packages_the_prices_page_says_so_and_is_left_out_of_search(string path, string message)
    {
        var visitor = site.CreateVisitor();
        var (response, page) = await visitor.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(message, page.QuerySelector("main p")!.TextContent);
        Assert.Null(page.QuerySelector("main table"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.DoesNotContain("/prices<", await visitor.GetStringAsync("/sitemap.xml"));
    }

    [Fact]
    public async Task The_seed_adds_the_consent_to_an_older_database_brings_an_unedited_policy_up_to_date_and_leaves_an_edited_one()
    {
        await site.WithDbAsync(async db =>
        {
            await db.InfoPages.Where(p => p.Key == ConsentSeed.Key).ExecuteDeleteAsync();
            await db.OperatorDetails.ExecuteDeleteAsync();
            await db.InfoPageTranslations.Where(t => t.Slug == PrivacyPolicySeed.Slug(Language.En))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Body, "The policy as the first release seeded it."));
        });

        await SeedAsync();

        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync("/en/info/personal-data-consent")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync("/info/soglasie-na-obrabotku-personalnyh-dannyh")).StatusCode);
        Assert.Contains("## Stay enquiries", await EnglishPolicyAsync());
        var details = await site.WithDbAsync(db => db.OperatorDetails.AsNoTracking().SingleAsync());
        Assert.Equal((OperatorDetails.SingleId, "", "", ""), (details.Id, details.LegalNameRu, details.Inn, details.Ogrn));

        // An editor's version (it has a revision) stays as it is, and so does an edited consent.
        await site.WithDbAsync(async db =>
        {
            var policy = await db.InfoPages.Include(p => p.Translations).SingleAsync(p => p.Key == PrivacyPolicySeed.Key);
            policy.Find(Language.En)!.Body = "The resort's own policy.";
            db.ContentRevisions.Add(new ContentRevision(ContentKind.InfoPage, policy.Id, 1, DateTimeOffset.UtcNow, "editor@staraya-russa.test", policy.ToDraft()));
            await db.SaveChangesAsync();
        });
        await SeedAsync();
        await SeedAsync();

        Assert.Equal("The resort's own policy.", await EnglishPolicyAsync());
        Assert.Equal(1, await site.WithDbAsync(db => db.InfoPages.CountAsync(p => p.Key == ConsentSeed.Key)));
        Assert.Equal(1, await site.WithDbAsync(db => db.OperatorDetails.CountAsync()));
    }

    [Fact]
    public async Task Every_cookie_the_site_sets_for_visitors_and_staff_is_named_in_the_policy()
    {
        var (_, policy) = await site.CreateVisitor().GetPageAsync("/info/politika-obrabotki-personalnyh-dannyh");
        var named = policy.QuerySelectorAll("main article code").Select(c => c.TextContent.TrimEnd('…', '.')).ToList();
        var set = new HashSet<string>();
        var visitor = site.CreateVisitor();
        foreach (var path in new[] { "/", "/en/prices", "/en/info/privacy-policy", "/operator-details" })
        {
            set.UnionWith(Cookies(await visitor.GetAsync(path)));
        }

        var (_, home) = await visitor.GetPageAsync("/");
        set.UnionWith(Cookies(await visitor.SubmitAsync(home.Form("form.vision-toggle"), [], home.QuerySelector("form.vision-toggle button"))));
        var staff = site.CreateVisitor();
        set.UnionWith(Cookies(await staff.GetAsync("/admin/account/login")));
        set.UnionWith(Cookies(await staff.SubmitLoginAsync("admin@staraya-russa.test", "Correct-Horse-42")));
        set.UnionWith(Cookies(await staff.SubmitFormAsync("/admin", new() { ["language"] = "en" }, "form[action='/admin/account/language']")));

        Assert.Contains("a11y", set);
        Assert.Contains("sanatorium.staff", set);
        foreach (var cookie in set)
        {
            Assert.True(named.Any(n => cookie.StartsWith(n, StringComparison.Ordinal)), $"The cookie {cookie} is not named in the policy ({string.Join(", ", named)}).");
        }
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c.Split('=')[0]) : [];

    private Task<string> EnglishPolicyAsync() =>
        site.WithDbAsync(db => db.InfoPageTranslations.Where(t => t.Slug == PrivacyPolicySeed.Slug(Language.En)).Select(t => t.Body).SingleAsync());

    private async Task SeedAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(CancellationToken.None);
    }
}
