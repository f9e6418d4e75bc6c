using System.Globalization;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

public sealed class SitemapTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    [Fact]
    public async Task The_sitemap_lists_every_published_page_in_both_languages_with_alternates()
    {
        var response = await site.CreateVisitor().GetAsync("/sitemap.xml");
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var urls = sitemap.Root!.Elements(Sitemap + "url").ToList();
        var locations = urls.Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        foreach (var row in PublicPagesTests.IndexedPages)
        {
            foreach (var path in row)
            {
                Assert.Contains(SiteFactory.BaseUrl + (string)path, locations);
            }
        }

        Assert.Equal(locations.Count, locations.Distinct().Count());
        var treatment = urls.Single(u => u.Element(Sitemap + "loc")!.Value.EndsWith("/en/treatments/lumbar-pain-syndrome", StringComparison.Ordinal));
        Assert.Equal(
            new[]
            {
                ("ru", SiteFactory.BaseUrl + "/treatments/poyasnichnyy-bolevoy-sindrom"),
                ("en", SiteFactory.BaseUrl + "/en/treatments/lumbar-pain-syndrome"),
                ("x-default", SiteFactory.BaseUrl + "/treatments/poyasnichnyy-bolevoy-sindrom"),
            },
            treatment.Elements(Xhtml + "link").Select(l => (l.Attribute("hreflang")!.Value, l.Attribute("href")!.Value)));
    }

    [Fact]
    public async Task Content_has_its_last_publication_as_lastmod_in_each_language()
    {
        var republished = new DateTimeOffset(2026, 11, 30, 6, 15, 0, TimeSpan.Zero);
        var seeded = await site.WithDbAsync(async db =>
        {
            var treatment = await db.Treatments.Include(t => t.Translations).SingleAsync(t => t.Key == "lumbar-pain-syndrome");
            treatment.Find(Language.En)!.Republish(republished);
            await db.SaveChangesAsync();
            return treatment.Find(Language.Ru)!.PublishedAt!.Value;
        });

        var urls = await UrlsAsync();

        Assert.Equal(seeded.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), urls["/treatments/poyasnichnyy-bolevoy-sindrom"]);
        Assert.Equal("2026-11-30T06:15:00Z", urls["/en/treatments/lumbar-pain-syndrome"]);
        Assert.NotNull(urls["/en/info/general-contraindications"]);
        Assert.Null(urls["/en/"]);
    }

    [Fact]
    public async Task The_promotions_list_is_left_out_and_not_indexed_while_no_promotion_runs()
    {
        foreach (var path in new[] { "/promotions", "/en/promotions" })
        {
            Assert.DoesNotContain(path, (await UrlsAsync()).Keys);
            var (_, empty) = await site.CreateVisitor().GetPageAsync(path);
            Assert.Equal("noindex", empty.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
            Assert.Null(empty.QuerySelector("link[rel=canonical]"));
        }

        await site.WithDbAsync(async db =>
        {
            var promotion = new Promotion("sitemap", DateOnly.MinValue, DateOnly.MaxValue);
            promotion.AddTranslation(new PromotionTranslation(Language.Ru, "osennee-predlozhenie", "Осеннее предложение"));
            promotion.AddTranslation(new PromotionTranslation(Language.En, "autumn-offer", "Autumn offer"));
            promotion.PublishAll(DateTimeOffset.UtcNow.AddMinutes(-1));
            db.Promotions.Add(promotion);
            await db.SaveChangesAsync();
        });

        foreach (var path in new[] { "/promotions", "/en/promotions" })
        {
            Assert.Contains(path, (await UrlsAsync()).Keys);
            var (_, listed) = await site.CreateVisitor().GetPageAsync(path);
            Assert.Null(listed.QuerySelector("meta[name=robots]"));
            Assert.Equal(SiteFactory.BaseUrl + path, listed.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        }
    }

    /// <summary>The sitemap's pages by path, with their lastmod if they have one.</summary>
    private async Task<Dictionary<string, string?>> UrlsAsync()
    {
        var sitemap = XDocument.Parse(await site.CreateVisitor().GetStringAsync("/sitemap.xml"));
        return sitemap.Root!.Elements(Sitemap + "url").ToDictionary(
            u => u.Element(Sitemap + "loc")!.Value[SiteFactory.BaseUrl.Length..],
            u => u.Element(Sitemap + "lastmod")?.Value);
    }

    [Fact]
    public async Task Robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_back_office()
    {
        var robots = await site.CreateVisitor().GetStringAsync("/robots.txt");

        Assert.Contains($"Sitemap: {SiteFactory.BaseUrl}/sitemap.xml", robots);
        Assert.Contains("Disallow: /admin", robots);
    }
}
