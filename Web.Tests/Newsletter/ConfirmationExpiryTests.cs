using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Core.Subscribers;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Newsletter;

/// <summary>A confirmation link stops working after its lifetime (seven days), on a site whose clock the test moves.</summary>
public sealed class ConfirmationExpiryTests(ConfirmationExpiryTests.SiteWithClock site) : IClassFixture<ConfirmationExpiryTests.SiteWithClock>
{
    public sealed class MovableClock : TimeProvider
    {
        public TimeSpan Ahead { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Ahead;
    }

    public sealed class SiteWithClock : SiteFactory
    {
        public MovableClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    [Fact]
    public async Task An_expired_link_gets_a_clear_page_and_confirms_nothing_while_a_fresh_one_still_works()
    {
        var client = site.CreateVisitor();
        var email = MailDev.NewAddress("expiry");
        await client.SubscribeAsync("/en/", email);
        var mail = await Subscribing.WaitForMailAsync(email, "Confirm your subscription to the Staraya Russa resort's newsletter");
        var link = mail.LinkTo("/en/newsletter/confirm");

        site.Clock.Ahead = TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1);
        var (expired, page) = await client.GetPageAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal("This link has expired", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(SubscriberStatus.Pending, (await site.SubscriberAsync(email))?.Status);

        site.Clock.Ahead = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);
        var (inTime, _) = await client.GetPageAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, inTime.StatusCode);
        Assert.Equal(SubscriberStatus.Confirmed, (await site.SubscriberAsync(email))?.Status);
    }
}
