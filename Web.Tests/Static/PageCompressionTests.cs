using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Static;

/// <summary>
/// Pages and other text answers compressed when the client asks, over https as in production; the back
/// office never (docs/decisions/0030-static-assets-and-compression.md).
/// </summary>
public sealed partial class PageCompressionTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/treatments/poyasnichnyy-bolevoy-sindrom", "br")]
    [InlineData("/treatments/poyasnichnyy-bolevoy-sindrom", "gzip")]
    [InlineData("/en/", "br")]
    [InlineData("/sitemap.xml", "gzip")]
    public async Task A_page_comes_compressed_when_asked_and_decompresses_to_the_same_page(string path, string encoding)
    {
        var browser = Https();
        var plain = await browser.GetAsync(path);
        var compressed = await browser.SendAsync(Asking(path, encoding == "br" ? "br, gzip" : "gzip"));

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal(encoding, Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        var body = await compressed.Content.ReadAsByteArrayAsync();
        var page = Encoding.UTF8.GetString(Compressed.Decompress(encoding, body));
        Assert.Equal(WithoutTokens(await plain.Content.ReadAsStringAsync()), WithoutTokens(page));
        Assert.True(body.Length < Encoding.UTF8.GetByteCount(page) / 2, $"{body.Length} bytes compressed from {Encoding.UTF8.GetByteCount(page)}");
    }

    [Fact]
    public async Task A_page_is_not_compressed_for_a_client_that_does_not_ask()
    {
        var response = await Https().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.StartsWith("<!DOCTYPE html>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_friendly_404_page_is_compressed_too()
    {
        var response = await Https().SendAsync(Asking("/treatments/no-such-treatment", "br"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Theory]
    [InlineData("/admin/account/login")]
    [InlineData("/admin")]
    public async Task The_back_office_is_never_compressed(string path)
    {
        var response = await Https().SendAsync(Asking(path, "br, gzip"));

        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    private HttpClient Https() =>
        site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    private static HttpRequestMessage Asking(string path, string encodings)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var encoding in encodings.Split(", "))
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        }

        return request;
    }

    /// <summary>Two renderings of a page differ only in their antiforgery tokens (new ones each time).</summary>
    private static string WithoutTokens(string page) => Token().Replace(page, "");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"")]
    private static partial Regex Token();
}
