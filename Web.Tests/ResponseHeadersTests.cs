using System.Net;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>What every answer tells a browser and what none tells an attacker; served by Kestrel, which writes the Server header.</summary>
public sealed class ResponseHeadersTests(KestrelSite site) : IClassFixture<KestrelSite>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/en/no/such/address")]
    [InlineData("/admin/account/login")]
    public async Task Every_page_switches_off_the_browser_features_the_site_does_not_use(string path)
    {
        var response = await site.CreateVisitor().GetAsync(path);

        var policy = string.Join(", ", response.Headers.GetValues("Permissions-Policy"));
        foreach (var feature in new[] { "camera", "microphone", "geolocation", "payment", "usb" })
        {
            Assert.Contains(feature + "=()", policy);
        }
    }

    [Fact]
    public async Task No_answer_names_the_server_not_even_Kestrels_own_refusal_of_a_too_long_address()
    {
        var client = site.CreateVisitor();

        var page = await client.GetAsync("/");
        var tooLong = await client.GetAsync("/" + new string('a', 10_000));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, tooLong.StatusCode);
        Assert.Empty(page.Headers.Server);
        Assert.Empty(tooLong.Headers.Server);
    }
}
