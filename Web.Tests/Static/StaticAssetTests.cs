using System.Net;
using System.Net.Http.Headers;
using Sanatorium.Web.Site.Vision;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Static;

/// <summary>
/// Styles, scripts, icons and the manifest through MapStaticAssets: pages link them by fingerprinted
/// URLs; the plain URLs others hold (favicon, manifest, link previews) still answer, revalidated by their
/// ETag (docs/decisions/0030-static-assets-and-compression.md). The year-long lifetime and the files
/// compressed at publish are the published site's: see <see cref="PublishedSiteTests"/> (a build, as
/// here, serves every file with no-cache, so that an edited file shows at once).
/// </summary>
public sealed class StaticAssetTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/", "link[rel=stylesheet]", "href", @"^/css/site\.\w+\.css$", "/css/site.css")]
    [InlineData("/en/", "link[rel=icon][sizes]", "href", @"^/favicon\.\w+\.ico$", "/favicon.ico")]
    [InlineData("/", "link[rel=icon][type='image/svg+xml']", "href", @"^/img/icon\.\w+\.svg$", "/img/icon.svg")]
    [InlineData("/", "link[rel=apple-touch-icon]", "href", @"^/apple-touch-icon\.\w+\.png$", "/apple-touch-icon.png")]
    [InlineData("/", "link[rel=manifest]", "href", @"^/site\.\w+\.webmanifest$", "/site.webmanifest")]
    [InlineData("/admin/account/login", "link[rel=stylesheet]", "href", @"^/css/admin\.\w+\.css$", "/css/admin.css")]
    public async Task A_page_links_the_fingerprinted_file_with_the_bytes_of_the_plain_one(
        string page, string selector, string attribute, string pattern, string plain)
    {
        var visitor = site.CreateVisitor();
        var (_, document) = await visitor.GetPageAsync(page);
        var url = document.QuerySelector(selector)?.GetAttribute(attribute);

        Assert.Matches(pattern, url);
        var fingerprinted = await visitor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, fingerprinted.StatusCode);
        Assert.NotNull(fingerprinted.Headers.ETag);
        Assert.Equal(await visitor.GetByteArrayAsync(plain), await fingerprinted.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_read_aloud_script_of_the_vision_mode_is_fingerprinted_too()
    {
        var visitor = site.CreateVisitor();
        visitor.DefaultRequestHeaders.Add("Cookie", $"{VisionSettings.CookieName}={VisionSettings.Defaults.Format()}");
        var (_, page) = await visitor.GetPageAsync("/");

        Assert.Matches(@"^/js/read-aloud\.\w+\.js$", page.QuerySelector("head script[src]")?.GetAttribute("src"));
    }

    [Theory]
    [InlineData("/favicon.ico")]
    [InlineData("/site.webmanifest")]
    [InlineData("/img/preview.png")]
    [InlineData("/img/icon-512.png")]
    [InlineData("/css/site.css")]
    public async Task The_plain_urls_others_hold_still_answer_and_revalidate_by_their_etag(string path)
    {
        var visitor = site.CreateVisitor();
        var response = await visitor.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);

        var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await visitor.SendAsync(again)).StatusCode);
    }

    [Theory]
    [InlineData("/css/site.0000000000.css")]
    [InlineData("/css/site.x5fnpclq2c.css.br")]
    [InlineData("/js/read-aloud.stale.js")]
    [InlineData("/img/icon.svg.gz.gz")]
    public async Task An_unknown_or_stale_fingerprint_is_a_friendly_404(string path)
    {
        var response = await site.CreateVisitor().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/css/site.css", "gzip")]
    [InlineData("/css/site.css.gz", null)]
    [InlineData("/img/icon.svg", "gzip")]
    public async Task The_compressed_copies_the_build_made_are_served(string path, string? acceptEncoding)
    {
        var visitor = site.CreateVisitor();
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(acceptEncoding));
        }

        var response = await visitor.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal(await visitor.GetByteArrayAsync(path.Replace(".gz", "", StringComparison.Ordinal)),
            Compressed.Decompress("gzip", await response.Content.ReadAsByteArrayAsync()));
    }
}
