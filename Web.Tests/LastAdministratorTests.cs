using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>The back office never loses its last administrator who can log in (a site of its own, so no other test adds one).</summary>
public sealed class LastAdministratorTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Refusal = "Нельзя: это последний администратор, который может войти. Сначала назначьте администратором кого-то ещё.";

    [Fact]
    public async Task The_last_administrator_who_can_log_in_cannot_be_deleted_locked_or_stripped_of_the_role()
    {
        var first = await site.LogInAsync("admin@staraya-russa.test", "Correct-Horse-42");
        var firstEdit = $"/admin/users/edit/{await site.IdOfAsync("admin@staraya-russa.test")}";

        var ownRole = await (await SubmitRolesAsync(first, firstEdit, Roles.Editor)).ParseAsync();
        Assert.Contains(Refusal, ownRole.FieldError("Input.Roles"));

        // A second administrator, locked while their requests are under way. A lock through the
        // back office ends their session at its next request (StaffSessionTests), so the lock is
        // written straight to the database, as one landing between the session check and the change would be.
        var secondEmail = await site.CreateAsync("second-admin@staraya-russa.test", Roles.Administrator);
        var second = await site.LogInAsync(secondEmail);
        var secondEdit = $"/admin/users/edit/{await site.IdOfAsync(secondEmail)}";
        await site.WithDbAsync(db => db.Users.Where(u => u.Email == secondEmail)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.MaxValue)));

        var delete = await (await second.SubmitFormAsync($"/admin/users/delete/{await site.IdOfAsync("admin@staraya-russa.test")}", [])).ParseAsync();
        var lockOut = await (await second.SubmitFormAsync(firstEdit, [], "form[action*='handler=Lock']")).ParseAsync();
        var takeRole = await (await SubmitRolesAsync(second, firstEdit, Roles.Marketer)).ParseAsync();

        Assert.Equal(Refusal, delete.QuerySelector("[role=alert]")?.TextContent.Trim());
        Assert.Equal(Refusal, lockOut.QuerySelector("[role=alert]")?.TextContent.Trim());
        Assert.Contains(Refusal, takeRole.FieldError("Input.Roles"));
        Assert.True(await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "admin@staraya-russa.test" && u.LockoutEnd == null)));

        // Once the second administrator can log in again, the first may give up the role.
        await first.SubmitFormAsync(secondEdit, [], "form[action*='handler=Unlock']");
        var given = await SubmitRolesAsync(first, firstEdit, Roles.Editor);

        Assert.Equal("/admin/users", given.Headers.Location!.OriginalString);
    }

    private static async Task<HttpResponseMessage> SubmitRolesAsync(HttpClient client, string editPath, params string[] roles)
    {
        var (_, page) = await client.GetPageAsync(editPath);
        return await client.SubmitAsync(page.Form("main form:not([action])").Tick("Input.Roles", roles), []);
    }
}
