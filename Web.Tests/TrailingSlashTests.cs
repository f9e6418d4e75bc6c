using System.Net;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>One address per page: a trailing slash answers 301 to the page's canonical address, the query kept.</summary>
public sealed class TrailingSlashTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/treatments/poyasnichnyy-bolevoy-sindrom/", "/treatments/poyasnichnyy-bolevoy-sindrom")]
    [InlineData("/en/treatments/lumbar-pain-syndrome/", "/en/treatments/lumbar-pain-syndrome")]
    [InlineData("/en/treatments/lumbar-pain-syndrome/?utm_source=vk&x=%D1%8F", "/en/treatments/lumbar-pain-syndrome?utm_source=vk&x=%D1%8F")]
    [InlineData("/profiles/bolezni-kostno-myshechnoy-sistemy//", "/profiles/bolezni-kostno-myshechnoy-sistemy")]
    [InlineData("/info/obshchie-protivopokazaniya/", "/info/obshchie-protivopokazaniya")]
    [InlineData("/en/accessibility/", "/en/accessibility")]
    [InlineData("/en", "/en/")]
    [InlineData("/en//", "/en/")]
    [InlineData("/en?a=1", "/en/?a=1")]
    public async Task A_page_address_with_a_trailing_slash_answers_301_to_the_canonical_one(string path, string canonical)
    {
        var client = site.CreateVisitor();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location?.OriginalString);
        var (_, page) = await client.GetPageAsync(canonical);
        Assert.Equal(SiteFactory.BaseUrl + canonical.Split('?')[0], page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/en/")]
    [InlineData("/treatments/poyasnichnyy-bolevoy-sindrom")]
    public async Task A_canonical_address_answers_200(string path)
    {
        var response = await site.CreateVisitor().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/%5Cevil.example/")]
    public async Task An_address_that_would_redirect_to_another_site_is_not_redirected(string path)
    {
        var response = await site.CreateVisitor().GetAsync(path);

        Assert.NotEqual(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_form_posted_to_an_address_with_a_slash_is_not_redirected()
    {
        var response = await site.CreateVisitor().PostAsync("/en/accessibility/", new FormUrlEncodedContent([]));

        Assert.NotEqual(HttpStatusCode.MovedPermanently, response.StatusCode);
    }
}
