using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Accounts;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>
/// The back office's account forms sent twice, or by two people, at the same moment: each answer is
/// a result or a message (never an error page), and what is stored is one whole change, audited once.
/// </summary>
public sealed class ConcurrentStaffChangesTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Administrator = "admin@staraya-russa.test";

    private const string AdministratorPassword = "Correct-Horse-42";

    [Fact]
    public async Task A_password_change_sent_twice_at_the_same_moment_changes_it_once()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("change-twice"), Roles.Editor);
        var client = await site.LogInAsync(email);
        var (_, page) = await client.GetPageAsync("/admin/me/changepassword");
        string[] passwords = ["First-New-Password-1", "Second-New-Password-2"];

        var answers = await Task.WhenAll(passwords.Select(password => client.SubmitAsync(page.Form(), new()
        {
            ["Input.CurrentPassword"] = Staff.Password,
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = password,
        })));
        var working = new List<string>();
        foreach (var password in passwords.Append(Staff.Password))
        {
            if ((await site.CreateVisitor().SubmitLoginAsync(email, password)).StatusCode == HttpStatusCode.Redirect)
            {
                working.Add(password);
            }
        }

        await AssertOneDoneOneToldAsync(answers);
        Assert.Equal(passwords[Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.Redirect)], Assert.Single(working));
        Assert.Equal(1, await AuditedAsync("password.changed", email));
    }

    [Fact]
    public async Task A_reset_link_used_twice_at_the_same_moment_sets_one_password()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("reset-twice"), Roles.Editor);
        var link = await ResetLinkAsync(email);
        string[] passwords = ["First-Reset-Password-1", "Second-Reset-Password-2"];
        var forms = new List<(HttpClient Client, IHtmlFormElement Form)>();
        foreach (var _ in passwords)
        {
            var client = site.CreateVisitor();
            forms.Add((client, (await client.GetPageAsync(link)).Document.Form()));
        }

        var answers = await Task.WhenAll(forms.Zip(passwords, (f, password) => f.Client.SubmitAsync(f.Form, new()
        {
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = password,
        })));
        var winner = passwords[Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.Redirect)];

        await AssertOneDoneOneToldAsync(answers);
        Assert.Equal(HttpStatusCode.Redirect, (await site.CreateVisitor().SubmitLoginAsync(email, winner)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().SubmitLoginAsync(email, passwords.Single(p => p != winner))).StatusCode);
        Assert.Equal(1, await AuditedAsync("password.reset", email));
    }

    [Fact]
    public async Task A_member_of_staff_deleted_by_two_administrators_at_the_same_moment_is_deleted_once()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("delete-twice"), Roles.Editor);
        var id = await site.IdOfAsync(email);
        var forms = await AdministratorFormsAsync($"/admin/users/delete/{id}", 2);

        var answers = await Task.WhenAll(forms.Select(f => f.Client.SubmitAsync(f.Form, [])));

        Assert.Equal(HttpStatusCode.Redirect, Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect).StatusCode);
        Assert.Contains(answers, a => a.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.OK);
        Assert.False(await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.Equal(1, await AuditedAsync("user.deleted", email));
    }

    [Fact]
    public async Task Roles_lock_unlock_and_delete_of_one_member_of_staff_at_the_same_moment_each_get_a_result_or_a_message()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("busy"), Roles.Editor);
        var id = await site.IdOfAsync(email);
        var edit = $"/admin/users/edit/{id}";
        var roles = await AdministratorFormsAsync(edit, 2, "main form:not([action])");
        var locks = await AdministratorFormsAsync(edit, 2, "form[action*='handler=Lock']");
        await site.WithDbAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue)));
        var unlocks = await AdministratorFormsAsync(edit, 2, "form[action*='handler=Unlock']");
        await site.WithDbAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null)));
        var deletes = await AdministratorFormsAsync($"/admin/users/delete/{id}", 1);

        var answers = await Task.WhenAll(
            roles.Select((f, i) => f.Client.SubmitAsync(f.Form.Tick("Input.Roles", i == 0 ? Roles.Marketer : Roles.Editor), []))
                .Concat(locks.Concat(unlocks).Concat(deletes).Select(f => f.Client.SubmitAsync(f.Form, []))));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.NotFound }));
        foreach (var told in answers.Where(a => a.StatusCode == HttpStatusCode.OK))
        {
            Assert.NotEmpty(await MessageAsync(told));
        }

        Assert.Equal(
            answers.Count(a => a.StatusCode == HttpStatusCode.Redirect),
            await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Target == email && e.Action.StartsWith("user."))));
    }

    [Fact]
    public async Task The_two_factor_set_up_opened_in_two_tabs_at_the_same_moment_shows_one_key_that_works()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("setup-twice"), Roles.Editor);
        var client = await site.LogInAsync(email);

        var pages = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.GetPageAsync("/admin/me/enableauthenticator")));
        var keys = pages.Select(p => p.Document.GetElementById("shared-key")?.TextContent.Trim()).ToList();
        var enabled = await client.SubmitAsync(pages[1].Document.Form(), new() { ["Input.Code"] = Totp.Code(keys[1]!, DateTimeOffset.UtcNow) });

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Response.StatusCode));
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal("/admin/me/recoverycodes", enabled.Headers.Location?.OriginalString);
    }

    /// <summary>One answer went through (a redirect), the other is the form again with a message.</summary>
    private static async Task AssertOneDoneOneToldAsync(HttpResponseMessage[] answers)
    {
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.NotEmpty(await MessageAsync(Assert.Single(answers, a => a.StatusCode != HttpStatusCode.Redirect)));
    }

    /// <summary>What the form shown again says: above it, or at its fields.</summary>
    private static async Task<string> MessageAsync(HttpResponseMessage answer)
    {
        var page = await answer.ParseAsync();
        return string.Concat(page.QuerySelectorAll("[role=alert], .field-error").Select(e => e.TextContent)).Trim();
    }

    /// <summary>Administrators' browsers, each logged in and showing the form of the given page.</summary>
    private async Task<List<(HttpClient Client, IHtmlFormElement Form)>> AdministratorFormsAsync(string path, int count, string selector = "main form")
    {
        var forms = new List<(HttpClient, IHtmlFormElement)>();
        for (var i = 0; i < count; i++)
        {
            var client = await site.LogInAsync(Administrator, AdministratorPassword);
            forms.Add((client, (await client.GetPageAsync(path)).Document.Form(selector)));
        }

        return forms;
    }

    private async Task<string> ResetLinkAsync(string email)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"/admin/account/resetpassword?user={user.Id}&code={AccountEmails.EncodeToken(token)}";
    }

    private Task<int> AuditedAsync(string action, string email) =>
        site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && e.Target == email));
}
