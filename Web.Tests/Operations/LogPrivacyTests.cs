using System.Net;
using System.Web;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Sanatorium.Infrastructure.Observability;
using Sanatorium.Web.Tests.Enquiries;
using Sanatorium.Web.Tests.Infrastructure;
using Sanatorium.Web.Tests.Newsletter;

namespace Sanatorium.Web.Tests.Operations;

/// <summary>
/// No personal data in the log at the levels production logs at: not the addresses, names and phone
/// numbers visitors and staff type, not their IP address, not the tokens of the links mailed to them.
/// </summary>
public sealed class LogPrivacyTests(LoggingSite site) : IClassFixture<LoggingSite>
{
    [Fact]
    public async Task A_subscription_a_failed_login_and_an_enquiry_leave_no_personal_data_in_the_log()
    {
        var subscriber = MailDev.NewAddress("private-subscriber");
        var enquirer = MailDev.NewAddress("private-enquirer");
        const string Name = "Аграфена Пантелеймонова";
        const string Phone = "+7 912 000-11-22";
        const string WrongPassword = "Not-The-Password-42";

        var visitor = site.CreateVisitor();
        await visitor.SubscribeAsync("/", subscriber);
        var link = (await Subscribing.WaitForMailAsync(subscriber, "Подтвердите подписку на рассылку санатория «Старая Русса»")).LinkTo("/newsletter/confirm");
        var token = HttpUtility.ParseQueryString(link.Query)["token"]!;
        var (confirmed, _) = await visitor.GetPageAsync(link.PathAndQuery);
        await Subscribing.WaitForMailAsync(subscriber, "Вы подписаны на рассылку санатория «Старая Русса»");
        var login = await site.CreateVisitor().SubmitLoginAsync("admin@staraya-russa.test", WrongPassword);
        var enquiry = await site.CreateVisitor().EnquireAsync("/en/enquiry", new()
        {
            ["Input.Name"] = Name,
            ["Input.Phone"] = Phone,
            ["Input.Email"] = enquirer,
        });
        await MailDev.WaitForMailToAsync(enquirer);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, enquiry.StatusCode);
        Assert.NotEmpty(site.Logs.Lines);
        string[] personal = [subscriber, enquirer, "admin@staraya-russa.test", Name, Phone, WrongPassword, token, LoggingSite.VisitorAddress.ToString()];
        Assert.All(site.Logs.Lines, line => Assert.All(personal, data => Assert.DoesNotContain(data, line.Text, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Parameter_values_of_database_commands_are_never_logged() =>
        await site.WithDbAsync(db =>
        {
            Assert.False(db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.IsSensitiveDataLoggingEnabled);
            return Task.CompletedTask;
        });

    [Theory]
    [InlineData("550 5.1.1 <anna.petrova@example.org>: Recipient address rejected", "550 5.1.1 <[address]>: Recipient address rejected")]
    [InlineData("550 user ivan@mail.example unknown, try petr@example.com", "550 user [address] unknown, try [address]")]
    [InlineData("421 4.7.0 Try again later", "421 4.7.0 Try again later")]
    public void A_mail_servers_reply_loses_its_addresses_before_it_is_logged(string reply, string logged) =>
        Assert.Equal(logged, LogText.WithoutAddresses(reply));
}
