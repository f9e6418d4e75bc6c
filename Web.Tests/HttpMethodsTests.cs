using System.Net;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Content;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>
/// Every address answers every HTTP method: the methods a page does not take get 405 with an Allow
/// header and a page that says so, addresses that lead nowhere get 404, and HEAD answers as GET does,
/// without the body. Served by Kestrel, which is what drops the body of an answer to HEAD.
/// </summary>
public sealed class HttpMethodsTests(KestrelSite site) : IClassFixture<KestrelSite>
{
    private const string Treatment = "/treatments/poyasnichnyy-bolevoy-sindrom";

    public static TheoryData<string> OtherMethods => ["PUT", "DELETE", "PATCH", "PROPFIND", "OPTIONS", "TRACE", "FOO"];

    [Theory]
    [MemberData(nameof(OtherMethods))]
    public async Task A_method_a_page_does_not_take_answers_405_with_what_it_takes(string method)
    {
        foreach (var (path, allow, lang, heading) in new[]
        {
            ("/", "GET, HEAD", "ru", "Такой запрос не поддерживается"),
            (Treatment, "GET, HEAD", "ru", "Такой запрос не поддерживается"),
            ("/en/treatments/lumbar-pain-syndrome", "GET, HEAD", "en", "Request not supported"),
            ("/en/accessibility", "GET, HEAD, POST", "en", "Request not supported"),
            ("/admin/account/login", "GET, HEAD, POST", "ru", "Такой запрос не поддерживается"),
            ("/admin/users", "GET, HEAD", "ru", "Такой запрос не поддерживается"),
        })
        {
            var response = await site.CreateVisitor().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            var page = await response.ParseAsync();

            Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"{method} {path} answered {(int)response.StatusCode}");
            Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
            Assert.True(response.Headers.Contains("Content-Security-Policy"), $"{method} {path} has no security headers");
            Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
            Assert.Equal(heading, page.QuerySelector("h1")?.TextContent.Trim());
        }
    }

    [Theory]
    [MemberData(nameof(OtherMethods))]
    public async Task Any_method_to_an_address_that_leads_nowhere_answers_404_with_the_friendly_page(string method)
    {
        // The error and status pages answer for failed requests of any method; opened directly, they are no page.
        foreach (var path in new[] { "/en/no/such/address", "/en/error", "/en/status/500" })
        {
            var response = await site.CreateVisitor().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            var page = await response.ParseAsync();

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} answered {(int)response.StatusCode}");
            Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent.Trim());
            Assert.True(response.Headers.Contains("Content-Security-Policy"));
        }
    }

    [Fact]
    public async Task A_page_that_only_takes_a_form_answers_405_to_GET()
    {
        var response = await site.CreateVisitor().GetAsync("/admin/account/logout");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(", ", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task HEAD_answers_as_GET_does_without_a_body()
    {
        var picture = new MediaFile("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], DateTimeOffset.UtcNow, "test");
        await site.WithDbAsync(async db =>
        {
            db.MediaFiles.Add(picture);
            await db.SaveChangesAsync();
        });
        var client = site.CreateVisitor();

        foreach (var path in new[] { "/", Treatment, "/en/accessibility", "/admin/account/login", "/sitemap.xml", "/robots.txt", "/healthz", "/healthz/live", $"/media/{picture.Id}", "/no/such/address" })
        {
            var get = await client.GetAsync(path);
            var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.True(get.StatusCode == head.StatusCode, $"HEAD {path} answered {(int)head.StatusCode}, GET {(int)get.StatusCode}");
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }
}
