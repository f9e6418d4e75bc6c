using System.Xml.Linq;
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
        foreach (var row in PublicPagesTests.Pages)
        {
            foreach (var path in row)
            {
                Assert.Contains(SiteFactory.BaseUrl + (string)path, locations);
            }
        }

        Assert.Equal(locations.Count, locations.Distinct().Count());
        var treatment = urls.Single(u => u.Element(Sitemap + "loc")!.Value.EndsWith("/en/treatments/lumbar-pain-syndrome", StringComparison.Ordinal));
        Assert.Equal(
            new[] { ("ru", SiteFactory.BaseUrl + "/treatments/poyasnichnyy-bolevoy-sindrom"), ("en", SiteFactory.BaseUrl + "/en/treatments/lumbar-pain-syndrome") },
            treatment.Elements(Xhtml + "link").Select(l => (l.Attribute("hreflang")!.Value, l.Attribute("href")!.Value)));
    }

    [Fact]
    public async Task Robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_back_office()
    {
        var robots = await site.CreateVisitor().GetStringAsync("/robots.txt");

        Assert.Contains($"Sitemap: {SiteFactory.BaseUrl}/sitemap.xml", robots);
        Assert.Contains("Disallow: /admin", robots);
    }
}
