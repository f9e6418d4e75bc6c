using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>
/// A session ends on the server, not only in the browser: after logging out, "log out everywhere",
/// or when the account is deleted or locked, a copy of the cookie opens nothing and changes nothing.
/// </summary>
public sealed class StaffSessionTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Administrator = "admin@staraya-russa.test";
    private const string AdministratorPassword = "Correct-Horse-42";

    [Fact]
    public async Task A_copy_of_the_cookie_opens_nothing_after_logging_out()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("logout-copy"), Roles.Editor);
        var client = site.CreateVisitor();
        var login = await client.SubmitLoginAsync(email, Staff.Password);
        var copy = CopyOfSession(login);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/admin")).StatusCode);

        var (_, home) = await client.GetPageAsync("/admin");
        await client.SubmitAsync(home.Form("form[action='/admin/account/logout']"), []);

        AssertSentToLogin(await copy.GetAsync("/admin"));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "logout" && e.User == email)));
    }

    [Fact]
    public async Task Log_out_everywhere_ends_every_session_of_the_person_and_is_audited()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("everywhere"), Roles.Marketer);
        var here = await site.LogInAsync(email);
        var elsewhere = await site.LogInAsync(email);
        var other = await site.LogInAsync(await site.CreateAsync(MailDev.NewAddress("bystander"), Roles.Marketer));

        var (_, me) = await here.GetPageAsync("/admin/me");
        var loggedOut = await here.SubmitAsync(me.Form("form.log-out-everywhere"), []);
        var (_, login) = await here.GetPageAsync(loggedOut.Headers.Location!.OriginalString);

        Assert.Equal("/admin/account/login", loggedOut.Headers.Location!.OriginalString);
        Assert.Equal("Вы вышли на всех устройствах.", login.StatusMessage());
        AssertSentToLogin(await here.GetAsync("/admin"));
        AssertSentToLogin(await elsewhere.GetAsync("/admin"));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/admin")).StatusCode);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "logout.everywhere" && e.User == email && e.Target == email)));
    }

    [Fact]
    public async Task Log_out_everywhere_needs_the_antiforgery_token()
    {
        var client = await site.LogInAsync(await site.CreateAsync(MailDev.NewAddress("everywhere-csrf"), Roles.Editor));

        var forged = await client.PostAsync("/admin/me?handler=LogOutEverywhere", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_deleted_member_of_staff_is_sent_to_the_login_page_and_saves_nothing()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("deleted-session"), Roles.Editor);
        var editor = await site.LogInAsync(email);
        var (_, list) = await editor.GetPageAsync("/admin/content/treatments");
        var (_, edit) = await editor.GetPageAsync(list.QuerySelector("tbody a")!.GetAttribute("href")!);
        var revisions = await site.WithDbAsync(db => db.ContentRevisions.CountAsync());

        await DeleteAsync(email);
        var me = await editor.GetAsync("/admin/me");
        var enable = await editor.GetAsync("/admin/me/enableauthenticator");
        var save = await editor.SubmitAsync(
            edit.Form("form.editor"),
            new() { ["Input.Fields[en-Results]"] = "Written by a deleted account." },
            edit.QuerySelector("button[formaction*=Save]"));

        AssertSentToLogin(me);
        AssertSentToLogin(enable);
        AssertSentToLogin(save);
        Assert.Equal(revisions, await site.WithDbAsync(db => db.ContentRevisions.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_locked_member_of_staff_is_logged_out_at_the_next_request()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("locked-session"), Roles.Editor);
        var editor = await site.LogInAsync(email);
        var admin = await site.LogInAsync(Administrator, AdministratorPassword);

        var (_, form) = await editor.GetPageAsync("/admin/me/changepassword");

        var locked = await admin.SubmitFormAsync($"/admin/users/edit/{await site.IdOfAsync(email)}", [], "form[action*='handler=Lock']");
        var password = await editor.SubmitAsync(form.Form(), new()
        {
            ["Input.CurrentPassword"] = Staff.Password,
            ["Input.NewPassword"] = "Changed-Password-9",
            ["Input.ConfirmPassword"] = "Changed-Password-9",
        });

        Assert.Equal("/admin/users", locked.Headers.Location!.OriginalString);
        AssertSentToLogin(password);
        Assert.False(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "password.changed" && e.User == email)));
    }

    /// <summary>A redirect to the login page (the address may be absolute or relative).</summary>
    private static void AssertSentToLogin(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/account/login", new Uri(new Uri(SiteFactory.BaseUrl), response.Headers.Location!).AbsolutePath);
    }

    /// <summary>Another client that sends the staff cookie <paramref name="login"/> set, as a thief with a copy of it would.</summary>
    private HttpClient CopyOfSession(HttpResponseMessage login)
    {
        var cookie = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("sanatorium.staff=", StringComparison.Ordinal));
        var copy = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        return copy;
    }

    private async Task DeleteAsync(string email)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True((await users.DeleteAsync((await users.FindByEmailAsync(email))!)).Succeeded);
    }
}
