using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>Administrators create members of staff, change their roles, lock, unlock and delete them; all of it audited.</summary>
public sealed class UserManagementTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Administrator = "admin@staraya-russa.test";
    private const string AdministratorPassword = "Correct-Horse-42";

    [Fact]
    public async Task A_member_of_staff_created_with_an_initial_password_is_listed_with_their_roles_and_can_log_in()
    {
        var admin = await site.LogInAsync(Administrator, AdministratorPassword);
        var email = MailDev.NewAddress("created");

        var (_, page) = await admin.GetPageAsync("/admin/users/create");
        var created = await admin.SubmitAsync(page.Form().Tick("Input.Roles", Roles.Editor, Roles.Marketer), new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Staff.Password,
        });
        var (_, list) = await admin.GetPageAsync(created.Headers.Location!.OriginalString);

        Assert.Equal("/admin/users", created.Headers.Location!.OriginalString);
        Assert.Contains(email, list.StatusMessage());
        Assert.Equal("Редактор, Маркетолог", Row(list, email).Cells[1].TextContent.Trim());
        Assert.Equal("/admin", (await site.CreateVisitor().SubmitLoginAsync(email, Staff.Password)).Headers.Location!.OriginalString);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == "user.created" && e.User == Administrator && e.Target == email && e.Details == "roles: Editor, Marketer")));
    }

    [Fact]
    public async Task A_member_of_staff_created_without_a_password_gets_a_set_password_mail_in_the_chosen_language()
    {
        var admin = await site.LogInAsync(Administrator, AdministratorPassword);
        var email = MailDev.NewAddress("invited");

        var (_, page) = await admin.GetPageAsync("/admin/users/create");
        var created = await admin.SubmitAsync(page.Form().Tick("Input.Roles", Roles.Editor), new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "",
            ["Input.Language"] = "en",
        });
        var (_, list) = await admin.GetPageAsync(created.Headers.Location!.OriginalString);
        var mail = await MailDev.WaitForMailToAsync(email);
        var link = mail.LinkTo("/admin/account/resetpassword").PathAndQuery;
        var set = await admin.SubmitFormAsync(link, new() { ["Input.NewPassword"] = "Chosen-By-Me-42", ["Input.ConfirmPassword"] = "Chosen-By-Me-42" });
        var html = new HtmlParser().ParseDocument(mail.Html);

        Assert.Equal("Your account — AMAKS Staraya Russa", mail.Subject);
        Assert.Contains(email, mail.Text);
        Assert.Equal("en", html.DocumentElement.GetAttribute("lang")); // while the administrator's pages are Russian
        Assert.Contains("AMAKS \"Staraya Russa\"", html.Body!.TextContent);
        Assert.Equal($"Сотрудник {email} создан; ему отправлено письмо со ссылкой для выбора пароля.", list.StatusMessage()); // and the request stays Russian
        Assert.Equal("/admin/account/login", set.Headers.Location!.OriginalString);
        Assert.Equal("/admin", (await site.CreateVisitor().SubmitLoginAsync(email, "Chosen-By-Me-42")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_duplicate_address_or_no_role_is_refused_at_its_field_and_nothing_is_written()
    {
        var admin = await site.LogInAsync(Administrator, AdministratorPassword);
        var existing = await site.CreateAsync(MailDev.NewAddress("existing"), Roles.Editor);
        var (users, entries) = await CountsAsync();

        var (_, page) = await admin.GetPageAsync("/admin/users/create");
        var duplicate = await (await admin.SubmitAsync(page.Form().Tick("Input.Roles", Roles.Editor), new()
        {
            ["Input.Email"] = existing.ToUpperInvariant(),
            ["Input.Password"] = Staff.Password,
        })).ParseAsync();
        var noRole = await (await admin.SubmitAsync(page.Form().Tick("Input.Roles"), new()
        {
            ["Input.Email"] = MailDev.NewAddress("no-role"),
            ["Input.Password"] = Staff.Password,
        })).ParseAsync();
        var weak = await (await admin.SubmitAsync(page.Form().Tick("Input.Roles", Roles.Editor), new()
        {
            ["Input.Email"] = MailDev.NewAddress("weak"),
            ["Input.Password"] = "weak",
        })).ParseAsync();

        Assert.Equal($"Сотрудник с адресом {existing.ToUpperInvariant()} уже есть.", duplicate.FieldError("Input.Email"));
        Assert.Contains("Выберите хотя бы одну роль.", noRole.FieldError("Input.Roles"));
        Assert.Contains("Пароль слишком короткий", weak.FieldError("Input.Password"));
        Assert.Equal((users, entries), await CountsAsync());
    }

    [Fact]
    public async Task An_unknown_role_is_refused_at_the_roles_and_nothing_is_created()
    {
        var admin = await site.LogInAsync(Administrator, AdministratorPassword);
        var (users, entries) = await CountsAsync();

        var (_, page) = await admin.GetPageAsync("/admin/users/create");
        var refused = await (await admin.SubmitAsync(page.Form(), new()
        {
            ["Input.Email"] = MailDev.NewAddress("root"),
            ["Input.Password"] = Staff.Password,
            ["Input.Roles"] = "Root",
        })).ParseAsync();

        Assert.Contains("Выберите роли из списка.", refused.FieldError("Input.Roles"));
        Assert.Equal((users, entries), await CountsAsync());
    }

    [Theory]
    [InlineData(null, "Выберите хотя бы одну роль.")]
    [InlineData("Root", "Выберите роли из списка.")]
    public async Task Saving_no_role_or_an_unknown_one_is_refused_and_the_roles_stay(string? role, string message)
    {
        var admin = await site.LogInAsync(Administrator, AdministratorPassword);
        var email = await site.CreateAsync(MailDev.NewAddress("keep-roles"), Roles.Editor);
        var entries = (await CountsAsync()).Entries;

        var (_, page) = await admin.GetPageAsync(await EditPathAsync(email));
        var form = page.Form("main form:not([action])").Tick("Input.Roles");
        var response = await admin.SubmitAsync(form, role is null ? [] : new() { ["Input.Roles"] = role });
        var refused = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, refused.FieldError("Input.Roles"));
        Assert.Equal(email, refused.QuerySelector("h1")!.TextContent);
        Assert.Equal([Roles.Editor], await RolesOfAsync(email));
        Assert.Equal(entries, (await CountsAsync()).Entries);
        Assert.Equal(HttpStatusCode.OK, (await (await site.LogInAsync(email)).GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Roles_are_changed_on_the_edit_page()
    {
        var admin = await site.LogInAsync(Administrator, AdministratorPassword);
        var email = await site.CreateAsync(MailDev.NewAddress("roles"), Roles.Editor);

        var (_, page) = await admin.GetPageAsync(await EditPathAsync(email));
        var saved = await admin.SubmitAsync(page.Form("main form:not([action])").Tick("Input.Roles", Roles.Marketer), []);

        Assert.Equal("/admin/users", saved.Headers.Location!.OriginalString);
        Assert.Equal([Roles.Marketer], await RolesOfAsync(email));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "user.roles-changed" && e.Target == email && e.Details == "roles: Marketer")));
    }

    [Fact]
    public async Task A_locked_member_of_staff_cannot_log_in_until_unlocked_and_the_audit_log_shows_both()
    {
        var admin = await site.LogInAsync(Administrator, AdministratorPassword);
        var email = await site.CreateAsync(MailDev.NewAddress("locked"), Roles.Editor);
        var edit = await EditPathAsync(email);

        var locked = await admin.SubmitFormAsync(edit, [], "form[action*='handler=Lock']");
        var (_, list) = await admin.GetPageAsync("/admin/users");
        var refused = await (await site.CreateVisitor().SubmitLoginAsync(email, Staff.Password)).ParseAsync();

        Assert.Equal("/admin/users", locked.Headers.Location!.OriginalString);
        Assert.Equal("до разблокировки администратором", Row(list, email).Cells[3].TextContent.Trim());
        Assert.Contains("заблокирована администратором", refused.QuerySelector("[role=alert]")?.TextContent);

        await admin.SubmitFormAsync(edit, [], "form[action*='handler=Unlock']");
        var (_, audit) = await admin.GetPageAsync("/admin/audit?user=" + Uri.EscapeDataString(Administrator));

        Assert.Equal("/admin", (await site.CreateVisitor().SubmitLoginAsync(email, Staff.Password)).Headers.Location!.OriginalString);
        var actions = audit.QuerySelectorAll("tbody tr").Where(r => r.TextContent.Contains(email)).Select(r => r.Children[2].TextContent).ToList();
        Assert.Equal(["user.unlocked", "user.locked"], actions);
    }

    [Fact]
    public async Task Deleting_asks_for_confirmation_then_removes_the_account()
    {
        var admin = await site.LogInAsync(Administrator, AdministratorPassword);
        var email = await site.CreateAsync(MailDev.NewAddress("deleted"), Roles.Marketer);
        var id = await site.IdOfAsync(email);

        var (_, confirm) = await admin.GetPageAsync($"/admin/users/delete/{id}");
        var deleted = await admin.SubmitAsync(confirm.Form(), []);

        Assert.Contains(email, confirm.QuerySelector("main button.danger")!.TextContent);
        Assert.Equal("/admin/users", deleted.Headers.Location!.OriginalString);
        Assert.False(await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "user.deleted" && e.Target == email)));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/users/delete/{id}")).StatusCode);
    }

    [Fact]
    public async Task Nobody_locks_or_deletes_their_own_account()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("self"), Roles.Administrator);
        var admin = await site.LogInAsync(email);
        var id = await site.IdOfAsync(email);
        var entries = (await CountsAsync()).Entries;

        var lockRefused = await (await admin.SubmitFormAsync(await EditPathAsync(email), [], "form[action*='handler=Lock']")).ParseAsync();
        var deleteRefused = await (await admin.SubmitFormAsync($"/admin/users/delete/{id}", [])).ParseAsync();

        Assert.Equal("Свою учётную запись нельзя заблокировать или удалить.", lockRefused.QuerySelector("[role=alert]")?.TextContent.Trim());
        Assert.Equal("Свою учётную запись нельзя заблокировать или удалить.", deleteRefused.QuerySelector("[role=alert]")?.TextContent.Trim());
        Assert.True(await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == id && u.LockoutEnd == null)));
        Assert.Equal(entries, (await CountsAsync()).Entries);
    }

    private static IHtmlTableRowElement Row(IDocument list, string email) =>
        list.QuerySelectorAll<IHtmlTableRowElement>("tbody tr").Single(r => r.Cells[0].TextContent.Trim() == email);

    private async Task<string> EditPathAsync(string email) => $"/admin/users/edit/{await site.IdOfAsync(email)}";

    private Task<List<string>> RolesOfAsync(string email) =>
        site.WithDbAsync(db => db.UserRoles.Where(ur => db.Users.Any(u => u.Id == ur.UserId && u.Email == email))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync());

    private Task<(int Users, int Entries)> CountsAsync() =>
        site.WithDbAsync(async db => (await db.Users.CountAsync(), await db.AuditEntries.CountAsync(e => e.Action.StartsWith("user."))));
}
