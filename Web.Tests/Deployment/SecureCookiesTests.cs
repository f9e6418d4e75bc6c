using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Net.Http.Headers;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;
using Sanatorium.Web.Tests.Newsletter;

namespace Sanatorium.Web.Tests.Deployment;

/// <summary>
/// In production (an https Site:BaseUrl) every cookie the site sets is Secure, HttpOnly and SameSite,
/// even on a request that reached it over plain http (a proxy that does not say X-Forwarded-Proto),
/// and HTTPS answers carry HSTS (docs/decisions/0031-deployment.md).
/// </summary>
public sealed class SecureCookiesTests(SecureCookiesTests.ProductionSite site) : IClassFixture<SecureCookiesTests.ProductionSite>
{
    private const string Treatment = "/treatments/poyasnichnyy-bolevoy-sindrom";

    public sealed class ProductionSite : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Fact]
    public async Task Every_cookie_of_a_login_two_factor_login_the_back_office_vision_newsletter_and_logout_is_Secure_HttpOnly_and_SameSite()
    {
        var jar = new RecordingCookieJar();
        var browser = site.CreateDefaultClient(jar);
        var editor = await site.CreateAsync(MailDev.NewAddress("secure-cookies"), Roles.Administrator);
        var twoFactor = await site.CreateAsync(MailDev.NewAddress("secure-cookies-2fa"), Roles.Editor);
        await site.EnableTwoFactorAsync(twoFactor);

        var secondStep = await browser.SubmitLoginAsync(twoFactor, Staff.Password);
        var login = await browser.SubmitLoginAsync(editor, Staff.Password);
        var language = await browser.SubmitFormAsync("/admin", new() { ["language"] = "en" }, "form[action='/admin/account/language']");
        var campaign = await browser.SubmitFormAsync("/admin/marketing/campaigns/new", new() { ["Input.Name"] = "Secure cookies" });
        var edit = await browser.GetAsync(campaign.Headers.Location);
        var vision = await browser.SubmitFormAsync(Treatment, new() { ["change"] = "on" }, "header form");
        var subscribe = await browser.SubscribeAsync("/", MailDev.NewAddress("secure-cookies-news"));
        var logout = await browser.SubmitFormAsync("/admin", [], "form[action='/admin/account/logout']");

        Assert.All(new[] { secondStep, login, language, campaign, vision, subscribe, logout }, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var names = jar.Received.Select(c => c.Name.Value).ToHashSet();
        foreach (var expected in new[] { "sanatorium.staff", "sanatorium.known", "Identity.TwoFactorUserId", "admin-lang", ".AspNetCore.Mvc.CookieTempDataProvider", "a11y" })
        {
            Assert.Contains(expected, names);
        }

        Assert.Contains(names, name => name!.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.All(jar.Received, cookie =>
        {
            Assert.True(cookie.Secure, $"{cookie.Name} is not Secure");
            Assert.True(cookie.HttpOnly, $"{cookie.Name} is readable by script");
            Assert.True(cookie.SameSite is SameSiteMode.Lax or SameSiteMode.Strict, $"{cookie.Name} is SameSite={cookie.SameSite}");
        });
    }

    [Fact]
    public async Task An_https_answer_tells_the_browser_to_use_https_only_for_a_year()
    {
        var response = await site.CreateDefaultClient(new Uri(SiteFactory.BaseUrl)).GetAsync("/");

        Assert.Equal("max-age=31536000", string.Join(", ", response.Headers.GetValues(HeaderNames.StrictTransportSecurity)));
    }
}
