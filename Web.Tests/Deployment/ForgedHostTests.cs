using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;
using Sanatorium.Web.Tests.Newsletter;

namespace Sanatorium.Web.Tests.Deployment;

/// <summary>
/// Every absolute link comes from Site:BaseUrl, never from the Host header a request carries: a request
/// for another name (a forged Host, or a name the proxy passes on) changes no page, redirect or mail.
/// Served by Kestrel, which takes the Host header as it was sent.
/// </summary>
public sealed class ForgedHostTests(KestrelSite site) : IClassFixture<KestrelSite>
{
    private const string Forged = "attacker.example";

    [Theory]
    [InlineData("/")]
    [InlineData("/en/")]
    [InlineData("/treatments/poyasnichnyy-bolevoy-sindrom")]
    [InlineData("/en/treatments/lumbar-pain-syndrome")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/admin")]
    [InlineData("/treatments/poyasnichnyy-bolevoy-sindrom/")]
    [InlineData("/no/such/page")]
    public async Task No_page_or_redirect_names_the_host_of_the_request(string path)
    {
        var response = await Visitor().GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain(Forged, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Forged, response.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Forged, string.Join(" ", response.Headers.SelectMany(h => h.Value)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_pages_links_to_themselves_are_on_the_sites_address()
    {
        var (_, page) = await Visitor().GetPageAsync("/en/treatments/lumbar-pain-syndrome");

        Assert.Equal(SiteFactory.BaseUrl + "/en/treatments/lumbar-pain-syndrome", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.StartsWith(SiteFactory.BaseUrl + "/", page.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task A_password_reset_mail_asked_for_under_another_host_links_to_the_site()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("forged-host-reset"), Roles.Editor);

        await Visitor().SubmitFormAsync("/admin/account/forgotpassword", new() { ["Input.Email"] = email });
        var mail = await MailDev.WaitForMailToAsync(email);

        Assert.DoesNotContain(Forged, mail.Html + mail.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(SiteFactory.BaseUrl + "/admin/account/resetpassword?", mail.Text);
    }

    [Fact]
    public async Task A_newsletter_confirmation_asked_for_under_another_host_links_to_the_site()
    {
        var email = MailDev.NewAddress("forged-host-news");

        await Visitor().SubscribeAsync("/en/", email);
        var mail = await MailDev.WaitForMailToAsync(email);

        Assert.DoesNotContain(Forged, mail.Html + mail.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(SiteFactory.BaseUrl + "/en/", mail.Text);
    }

    private HttpClient Visitor()
    {
        var visitor = site.CreateVisitor();
        visitor.DefaultRequestHeaders.Host = Forged;
        return visitor;
    }
}
