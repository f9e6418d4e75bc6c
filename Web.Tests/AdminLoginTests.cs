using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin.Accounts;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

public sealed class AdminLoginTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task The_first_administrator_logs_in_with_the_configured_password_and_lands_on_the_back_office()
    {
        var client = site.CreateVisitor();

        var response = await client.SubmitLoginAsync("admin@staraya-russa.test", "Correct-Horse-42");
        var (home, page) = await client.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("admin@staraya-russa.test", page.QuerySelector("header")!.TextContent);
    }

    [Fact]
    public async Task A_remember_me_value_no_checkbox_sends_gets_the_form_back_unticked_not_an_error()
    {
        var client = site.CreateVisitor();
        var (_, page) = await client.GetPageAsync("/admin/account/login");

        var response = await client.SubmitAsync(page.Form(), new()
        {
            ["Input.Email"] = "admin@staraya-russa.test",
            ["Input.Password"] = "Correct-Horse-42",
            ["Input.RememberMe"] = "<script>yes</script>",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await response.ParseAsync();
        Assert.False(again.QuerySelector<IHtmlInputElement>("#Input_RememberMe")!.IsChecked);
        Assert.DoesNotContain("<script>yes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_told_plainly_and_logs_nobody_in()
    {
        var email = await site.CreateAsync("wrong-password@staraya-russa.test", Roles.Editor);
        var client = site.CreateVisitor();

        var response = await client.SubmitLoginAsync(email, "not-the-password");
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Неверный адрес или пароль.", page.QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_in_a_row_pause_the_check_in_that_browser_with_the_same_words_and_lock_nothing()
    {
        var email = await site.CreateAsync("lockout@staraya-russa.test", Roles.Editor);
        var client = site.CreateVisitor();

        for (var i = 0; i < 5; i++)
        {
            await client.SubmitLoginAsync(email, "guess-" + i);
        }

        var response = await client.SubmitLoginAsync(email, Staff.Password);
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Неверный адрес или пароль.", page.QuerySelector("[role=alert]")?.TextContent);
        var account = await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => new { u.LockoutEnd, u.LoginPausedUntil }).SingleAsync());
        Assert.Null(account.LockoutEnd);
        Assert.InRange(account.LoginPausedUntil!.Value - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.User == email && e.Action == "login.failed" && e.Details.StartsWith("password not checked"))));
    }

    [Theory]
    [InlineData("/admin/content/treatments", "/admin/content/treatments")]
    [InlineData("https://evil.example/phish", "/admin")]
    [InlineData("//evil.example/phish", "/admin")]
    public async Task After_login_a_local_return_url_is_followed_and_one_that_leaves_the_site_is_ignored(string returnUrl, string expected)
    {
        var client = site.CreateVisitor();

        var response = await client.SubmitLoginAsync(
            "admin@staraya-russa.test",
            "Correct-Horse-42",
            "/admin/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_login_without_the_antiforgery_token_is_refused()
    {
        var client = site.CreateVisitor();

        var response = await client.PostAsync("/admin/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "admin@staraya-russa.test",
            ["Input.Password"] = "Correct-Horse-42",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Logging_out_ends_the_session()
    {
        var client = await site.LogInAsync(await site.CreateAsync("logout@staraya-russa.test", Roles.Marketer));
        var (_, home) = await client.GetPageAsync("/admin");

        var response = await client.SubmitAsync(home.QuerySelector<IHtmlFormElement>("form[action='/admin/account/logout']")!, []);

        Assert.Equal("/admin/account/login", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task The_login_page_speaks_the_chosen_language()
    {
        var client = site.CreateVisitor();
        var (_, russian) = await client.GetPageAsync("/admin/account/login");

        var response = await client.SubmitAsync(russian.QuerySelector<IHtmlFormElement>("form[action='/admin/account/language']")!, [], russian.QuerySelector("form[action='/admin/account/language'] button"));
        var (_, english) = await client.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Equal("Вход", russian.QuerySelector("h1")?.TextContent);
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Log in", english.QuerySelector("h1")?.TextContent);
        Assert.Equal("E-mail", english.QuerySelector("label[for=Input_Email]")?.TextContent);
    }
}
