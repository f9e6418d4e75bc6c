using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

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
