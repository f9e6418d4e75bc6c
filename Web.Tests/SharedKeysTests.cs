using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>
/// The Data Protection key ring lives in PostgreSQL: a member of staff logged in on one instance is
/// logged in on every other, and stays logged in when the site restarts (so do reset, confirmation
/// and unsubscribe links, signed with the same keys).
/// </summary>
public sealed class SharedKeysTests
{
    [Fact]
    public async Task A_login_on_one_instance_holds_on_another_and_after_both_restart()
    {
        var one = new InstanceSite();
        await one.InitializeAsync();
        var two = new InstanceSite(one.ConnectionString);
        await two.InitializeAsync();
        InstanceSite? restarted = null;
        try
        {
            var email = await one.CreateAsync(MailDev.NewAddress("keys"), Roles.Editor);
            var cookies = new System.Net.CookieContainer();
            var onOne = one.CreateDefaultClient(new CookieContainerHandler(cookies));
            Assert.Equal(HttpStatusCode.Redirect, (await onOne.SubmitLoginAsync(email, Staff.Password)).StatusCode);

            var onTwo = two.CreateDefaultClient(new CookieContainerHandler(cookies));
            Assert.Equal(HttpStatusCode.OK, (await onTwo.GetAsync("/admin")).StatusCode);

            await one.StopAsync();
            await two.StopAsync();
            restarted = new InstanceSite(one.ConnectionString);
            await restarted.InitializeAsync();
            var afterRestart = restarted.CreateDefaultClient(new CookieContainerHandler(cookies));

            Assert.Equal(HttpStatusCode.OK, (await afterRestart.GetAsync("/admin")).StatusCode);
            Assert.Equal(1, await restarted.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));
        }
        finally
        {
            await two.StopAsync();
            await (restarted ?? one).DropDatabaseAsync();
        }
    }
}
