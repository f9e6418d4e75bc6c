using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Email;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Mail;

/// <summary>
/// Mail goes through the outbox table (docs/decisions/0018-mail-outbox.md): an SMTP server that is
/// down delays it, a restart of the site does not lose it, and two instances send each message once.
/// </summary>
public sealed class MailOutboxTests
{
    private static readonly int SharedSmtpPort =
        int.Parse(Environment.GetEnvironmentVariable("SANATORIUM_TEST_SMTP_PORT") ?? "1025", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_reset_mail_asked_for_while_the_mail_server_is_down_arrives_when_it_comes_back()
    {
        var port = MailDevProcess.FreePort();
        var site = new OutboxSite(port);
        await site.InitializeAsync();
        try
        {
            var email = await site.CreateAsync(MailDev.NewAddress("outage"), Roles.Editor);

            var asked = await site.CreateVisitor().SubmitFormAsync("/admin/account/forgotpassword", new() { ["Input.Email"] = email });
            var waiting = await WaitForFailedAttemptAsync(site, email);

            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
            Assert.Contains("Connection refused", waiting, StringComparison.OrdinalIgnoreCase);

            await using var maildev = await MailDevProcess.StartAsync(port);
            var mail = await MailDev.WaitForMailToAsync(email, maildev.Web);

            Assert.Equal("Смена пароля — АМАКС «Старая Русса»", mail.Subject);
            await Eventually.HoldsAsync(() => site.WithDbAsync(db => db.OutboxMessages.AllAsync(m => !m.Recipient.Contains(email))), "the sent mail left the outbox");
        }
        finally
        {
            await site.DropDatabaseAsync();
        }
    }

    [Fact]
    public async Task Mail_still_in_the_outbox_when_the_site_stops_is_sent_after_it_starts_again()
    {
        var first = new OutboxSite(MailDevProcess.FreePort());
        await first.InitializeAsync();
        var database = first.ConnectionString;
        var email = await first.CreateAsync(MailDev.NewAddress("restart"), Roles.Marketer);
        await first.CreateVisitor().SubmitFormAsync("/admin/account/forgotpassword", new() { ["Input.Email"] = email });
        await WaitForFailedAttemptAsync(first, email);
        await first.StopAsync();

        var second = new OutboxSite(SharedSmtpPort, database);
        await second.InitializeAsync();
        try
        {
            var mail = await MailDev.WaitForMailToAsync(email);

            Assert.Equal("Смена пароля — АМАКС «Старая Русса»", mail.Subject);
        }
        finally
        {
            await second.DropDatabaseAsync();
        }
    }

    [Fact]
    public async Task Two_instances_on_one_database_send_each_message_once()
    {
        var one = new OutboxSite(SharedSmtpPort);
        await one.InitializeAsync();
        var two = new OutboxSite(SharedSmtpPort, one.ConnectionString);
        await two.InitializeAsync();
        try
        {
            var addresses = Enumerable.Range(0, 40).Select(i => MailDev.NewAddress($"twice-{i}")).ToList();
            await using (var scope = one.Services.CreateAsyncScope())
            {
                var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
                foreach (var address in addresses)
                {
                    var message = new MimeMessage { Subject = "Once", Body = new TextPart("plain") { Text = "Once." } };
                    message.To.Add(MailboxAddress.Parse(address));
                    outbox.Add(message);
                }

                await scope.ServiceProvider.GetRequiredService<SanatoriumDbContext>().SaveChangesAsync();
            }

            foreach (var address in addresses)
            {
                await MailDev.WaitForMailToAsync(address);
            }

            await Eventually.HoldsAsync(() => one.WithDbAsync(db => db.OutboxMessages.AllAsync(m => m.Subject != "Once")), "the outbox is empty");
            await Task.Delay(TimeSpan.FromSeconds(1));
            foreach (var address in addresses)
            {
                Assert.Single(await MailDev.MailToAsync(address));
            }
        }
        finally
        {
            await two.StopAsync();
            await one.DropDatabaseAsync();
        }
    }

    /// <summary>Waits until the mail to <paramref name="email"/> failed at least once and returns the error it keeps.</summary>
    private static async Task<string> WaitForFailedAttemptAsync(SiteFactory site, string email)
    {
        string? error = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                error = await site.WithDbAsync(db => db.OutboxMessages
                    .Where(m => m.Recipient.Contains(email) && m.Attempts > 0)
                    .Select(m => m.LastError)
                    .FirstOrDefaultAsync());
                return error is not null;
            },
            "a failed attempt is recorded in the outbox");
        return error!;
    }
}
