using System.Net;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Instances;

/// <summary>
/// Staff sessions and signed links across two processes of the site on one database: the Data
/// Protection key ring is in PostgreSQL, so a login or a link made by one process is good on the
/// other, and on a process that was stopped and started again.
/// </summary>
[Collection(TwoSites.Collection)]
public sealed class InstanceLoginTests
{
    [Fact]
    public async Task A_login_on_one_process_holds_on_the_other_and_after_a_restart()
    {
        await using var sites = await TwoSites.StartAsync();
        var cookies = new CookieContainer();
        using var onA = sites.A.Visitor(cookies);
        using var onB = sites.B.Visitor(cookies);

        Assert.Equal(HttpStatusCode.Redirect, (await onA.SubmitLoginAsync(sites.Administrator, TwoSites.AdministratorPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/admin")).StatusCode);

        await sites.A.RestartAsync();

        Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync("/admin")).StatusCode);
        using var stranger = sites.A.Visitor();
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_link_mailed_by_one_process_works_on_the_other()
    {
        const string NewPassword = "Brand-New-Password-7";
        await using var sites = await TwoSites.StartAsync();
        using var onA = sites.A.Visitor();
        using var onB = sites.B.Visitor();

        await onA.SubmitFormAsync("/admin/account/forgotpassword", new() { ["Input.Email"] = sites.Administrator });
        var link = (await MailDev.WaitForMailToAsync(sites.Administrator)).LinkTo("/admin/account/resetpassword");
        var reset = await onB.SubmitFormAsync(link.PathAndQuery, new()
        {
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        Assert.Equal("/admin/account/login", reset.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await onA.SubmitLoginAsync(sites.Administrator, NewPassword)).StatusCode);
    }
}
