using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>Addresses that lead nowhere answer 404 with a friendly page in the language of the address.</summary>
public sealed class NotFoundTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/treatments/no-such-treatment", "ru", "Страница не найдена")]
    [InlineData("/en/treatments/no-such-treatment", "en", "Page not found")]
    [InlineData("/profiles/no-such-profile", "ru", "Страница не найдена")]
    [InlineData("/en/profiles/no-such-profile", "en", "Page not found")]
    [InlineData("/info/no-such-page", "ru", "Страница не найдена")]
    [InlineData("/en/info/no-such-page", "en", "Page not found")]
    [InlineData("/no/such/address", "ru", "Страница не найдена")]
    [InlineData("/en/no/such/address", "en", "Page not found")]
    // A slug of one language under the other language's prefix is not a page either.
    [InlineData("/en/treatments/poyasnichnyy-bolevoy-sindrom", "en", "Page not found")]
    [InlineData("/treatments/lumbar-pain-syndrome", "ru", "Страница не найдена")]
    public async Task An_unknown_address_answers_404_with_a_friendly_page_in_its_language(string path, string lang, string heading)
    {
        var (response, page) = await site.CreateVisitor().GetPageAsync(path);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.NotNull(page.QuerySelector("footer form input[type=email]"));
    }

    [Fact]
    public async Task A_treatment_with_no_English_translation_is_404_in_English_and_its_Russian_page_links_to_the_English_home()
    {
        await site.WithDbAsync(async db =>
        {
            var profile = await db.Profiles.SingleAsync();
            var treatment = new Treatment("only-russian", profile, 2);
            treatment.AddTranslation(new TreatmentTranslation(Language.Ru, "tolko-po-russki", "Только по-русски"));
            treatment.PublishAll(DateTimeOffset.UtcNow.AddMinutes(-1));
            db.Treatments.Add(treatment);
            await db.SaveChangesAsync();
        });
        var client = site.CreateVisitor();

        var (russianResponse, russian) = await client.GetPageAsync("/treatments/tolko-po-russki");
        var (englishResponse, _) = await client.GetPageAsync("/en/treatments/tolko-po-russki");

        Assert.Equal(200, (int)russianResponse.StatusCode);
        Assert.Equal(404, (int)englishResponse.StatusCode);
        Assert.Null(russian.QuerySelector("link[hreflang=en]"));
        Assert.Equal("/en/", russian.QuerySelector(".lang-switch a[hreflang=en]")?.GetAttribute("href"));
    }
}

/// <summary>Unpublishing hides a page from visitors and search engines; the other language stays.</summary>
public sealed class UnpublishedPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task An_unpublished_translation_is_404_and_leaves_the_sitemap_and_the_alternates()
    {
        await site.WithDbAsync(async db =>
        {
            var english = await db.TreatmentTranslations.SingleAsync(t => t.Slug == "lumbar-pain-syndrome");
            english.Unpublish();
            await db.SaveChangesAsync();
        });
        var client = site.CreateVisitor();

        var (englishResponse, english) = await client.GetPageAsync("/en/treatments/lumbar-pain-syndrome");
        var (russianResponse, russian) = await client.GetPageAsync("/treatments/poyasnichnyy-bolevoy-sindrom");
        var sitemap = await client.GetStringAsync("/sitemap.xml");
        var (_, home) = await client.GetPageAsync("/en/");

        Assert.Equal(404, (int)englishResponse.StatusCode);
        Assert.Equal("Page not found", english.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(200, (int)russianResponse.StatusCode);
        Assert.Null(russian.QuerySelector("link[hreflang=en]"));
        Assert.DoesNotContain("lumbar-pain-syndrome", sitemap);
        Assert.Contains("poyasnichnyy-bolevoy-sindrom", sitemap);
        Assert.DoesNotContain(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/en/treatments/lumbar-pain-syndrome");
    }

    [Fact]
    public async Task A_translation_published_for_later_is_not_shown_yet()
    {
        await site.WithDbAsync(async db =>
        {
            var page = await db.InfoPageTranslations.SingleAsync(t => t.Slug == "general-contraindications");
            page.Publish(DateTimeOffset.UtcNow.AddDays(1));
            await db.SaveChangesAsync();
        });

        var response = await site.CreateVisitor().GetAsync("/en/info/general-contraindications");

        Assert.Equal(404, (int)response.StatusCode);
    }
}
