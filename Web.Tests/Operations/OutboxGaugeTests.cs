using Sanatorium.Web.Tests.Infrastructure;
using Sanatorium.Web.Tests.Newsletter;

namespace Sanatorium.Web.Tests.Operations;

/// <summary>
/// The outbox gauges while the mail server is away: a confirmation mail that cannot leave shows as
/// depth and as the age of the oldest message.
/// </summary>
public sealed class OutboxGaugeTests(OutboxGaugeTests.MailServerAway site) : IClassFixture<OutboxGaugeTests.MailServerAway>
{
    /// <summary>A site whose mail server does not answer, and which would try again only in ten minutes.</summary>
    public sealed class MailServerAway : SiteFactory
    {
        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Smtp:Port"] = MailDevProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Outbox:FirstRetryDelay"] = "00:10:00";
            return settings;
        }
    }

    [Fact]
    public async Task A_confirmation_mail_waiting_for_the_mail_server_moves_the_depth_and_the_age()
    {
        using var metrics = new SiteMetrics(site.Services, "sanatorium.outbox.depth", "sanatorium.outbox.oldest_age");
        metrics.Observe();
        var before = metrics.Of("sanatorium.outbox.depth")[^1].Value;

        await site.CreateVisitor().SubscribeAsync("/", MailDev.NewAddress("gauge"));

        await Eventually.HoldsAsync(
            () =>
            {
                metrics.Observe();
                return Task.FromResult(metrics.Of("sanatorium.outbox.depth")[^1].Value == before + 1);
            },
            "the outbox depth counts the confirmation mail");
        Assert.Equal(0, before);
        Assert.InRange(metrics.Of("sanatorium.outbox.oldest_age")[^1].Value, 0.001, 60);
    }
}
