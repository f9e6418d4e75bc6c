using System.Net;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>/admin/me: every member of staff sees their own account and changes their own password.</summary>
public sealed class OwnAccountTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task The_account_page_shows_the_roles_and_that_two_factor_is_off()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("me"), Roles.Editor, Roles.Marketer);
        var client = await site.LogInAsync(email);

        var (_, page) = await client.GetPageAsync("/admin/me");

        Assert.Contains("Редактор, Маркетолог", page.QuerySelector(".facts")!.TextContent);
        Assert.Equal("выключен", page.QuerySelector(".badge")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/admin/me/enableauthenticator']"));
    }

    [Fact]
    public async Task A_new_password_replaces_the_old_one_and_the_session_goes_on()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("change"), Roles.Editor);
        var client = await site.LogInAsync(email);

        var changed = await client.SubmitFormAsync("/admin/me/changepassword", new()
        {
            ["Input.CurrentPassword"] = Staff.Password,
            ["Input.NewPassword"] = "Changed-Password-9",
            ["Input.ConfirmPassword"] = "Changed-Password-9",
        });
        var (_, me) = await client.GetPageAsync(changed.Headers.Location!.OriginalString);

        Assert.Equal("Пароль изменён.", me.StatusMessage());
        Assert.Equal("/admin", (await site.CreateVisitor().SubmitLoginAsync(email, "Changed-Password-9")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().SubmitLoginAsync(email, Staff.Password)).StatusCode);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "password.changed" && e.User == email)));
    }

    [Fact]
    public async Task A_wrong_current_password_is_told_at_its_field_and_changes_nothing()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("wrong-current"), Roles.Marketer);
        var client = await site.LogInAsync(email);

        var refused = await (await client.SubmitFormAsync("/admin/me/changepassword", new()
        {
            ["Input.CurrentPassword"] = "not-my-password",
            ["Input.NewPassword"] = "Changed-Password-9",
            ["Input.ConfirmPassword"] = "Changed-Password-9",
        })).ParseAsync();

        Assert.Equal("Неверный пароль.", refused.FieldError("Input.CurrentPassword"));
        Assert.Equal("/admin", (await site.CreateVisitor().SubmitLoginAsync(email, Staff.Password)).Headers.Location!.OriginalString);
        Assert.False(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "password.changed" && e.User == email)));
    }
}
