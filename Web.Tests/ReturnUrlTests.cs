using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>
/// Where a form sends the visitor back to: any address on the site, written in any alphabet, is
/// followed, percent-encoded as a Location header must be; an address that leaves the site never is.
/// Served by Kestrel, which refuses a header that is not ASCII (the in-memory test server does not).
/// </summary>
public sealed class ReturnUrlTests(KestrelSite site) : IClassFixture<KestrelSite>
{
    private const string Cyrillic = "/лечение";
    private const string CyrillicEncoded = "/%D0%BB%D0%B5%D1%87%D0%B5%D0%BD%D0%B8%D0%B5";

    [Fact]
    public async Task The_version_for_the_visually_impaired_switched_on_the_404_page_of_a_Cyrillic_address_leads_back_to_it()
    {
        var visitor = site.CreateVisitor();
        var (notFound, page) = await visitor.GetPageAsync(Cyrillic);
        var form = page.QuerySelector<IHtmlFormElement>("header form")!;

        var response = await visitor.SubmitAsync(form, [], form.QuerySelector("button"));

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(CyrillicEncoded, form.QuerySelector<IHtmlInputElement>("input[name=returnUrl]")!.Value);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CyrillicEncoded + "#vision-panel", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(Cyrillic + "?q=тест", CyrillicEncoded + "?q=%D1%82%D0%B5%D1%81%D1%82#vision-panel")]
    [InlineData(CyrillicEncoded, CyrillicEncoded + "#vision-panel")]
    [InlineData("/info/a b", "/info/a%20b#vision-panel")]
    [InlineData("/\t/evil.example", "/#vision-panel")]
    [InlineData("//evil.example", "/#vision-panel")]
    [InlineData("/\\evil.example", "/#vision-panel")]
    [InlineData("https://evil.example", "/#vision-panel")]
    public async Task A_return_address_posted_to_the_panel_is_encoded_or_refused(string returnUrl, string location)
    {
        var visitor = site.CreateVisitor();
        var (_, page) = await visitor.GetPageAsync("/");

        var response = await visitor.SubmitAsync(page.QuerySelector<IHtmlFormElement>("header form")!, new() { ["returnUrl"] = returnUrl, ["change"] = "on" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/админ", "/%D0%B0%D0%B4%D0%BC%D0%B8%D0%BD")]
    [InlineData("/admin/audit?user=админ", "/admin/audit?user=%D0%B0%D0%B4%D0%BC%D0%B8%D0%BD")]
    [InlineData("/\\evil.example", "/admin")]
    public async Task After_login_a_Cyrillic_return_address_is_followed_encoded_with_the_session_kept_and_one_off_the_site_refused(string returnUrl, string location)
    {
        var client = site.CreateVisitor();

        var response = await client.SubmitLoginAsync(
            "admin@staraya-russa.test",
            "Correct-Horse-42",
            "/admin/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Switching_the_back_office_language_leads_back_to_a_Cyrillic_address_encoded()
    {
        var client = site.CreateVisitor();
        var (_, login) = await client.GetPageAsync("/admin/account/login");
        const string language = "form[action='/admin/account/language']";

        var response = await client.SubmitAsync(login.Form(language), new() { ["returnUrl"] = "/админ" }, login.QuerySelector(language + " button"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/%D0%B0%D0%B4%D0%BC%D0%B8%D0%BD", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_anonymous_visitor_of_the_back_office_is_sent_to_the_login_page_by_a_relative_address_whatever_the_Host()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/users?page=2");
        request.Headers.Host = "evil.example";

        var response = await site.CreateVisitor().SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/account/login?ReturnUrl=%2Fadmin%2Fusers%3Fpage%3D2", response.Headers.Location!.OriginalString);
    }
}
