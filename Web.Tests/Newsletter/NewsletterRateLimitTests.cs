using System.Net;
using Sanatorium.Web.Admin.Accounts;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Newsletter;

/// <summary>The newsletter form is rate-limited per client address (a site of its own, so other tests keep their budget).</summary>
public sealed class NewsletterRateLimitTests(NewsletterRateLimitTests.SiteWithRealLimit site)
    : IClassFixture<NewsletterRateLimitTests.SiteWithRealLimit>
{
    public sealed class SiteWithRealLimit : SiteFactory
    {
        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings.Remove("RateLimits:NewsletterPostsPerMinute");
            return settings;
        }
    }

    [Fact]
    public async Task Too_many_subscriptions_in_a_minute_are_answered_429_with_a_page_in_the_visitor_language()
    {
        var client = site.CreateVisitor();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < RateLimits.NewsletterPostsPerMinute; i++)
        {
            statuses.Add((await client.SubscribeAsync("/en/", MailDev.NewAddress("limited"), consent: false)).StatusCode);
        }

        var english = await client.SubscribeAsync("/en/", MailDev.NewAddress("limited"));
        var russian = await client.SubscribeAsync("/", MailDev.NewAddress("limited"));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, english.StatusCode);
        Assert.Equal("Too many requests", (await english.ParseAsync()).QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.TooManyRequests, russian.StatusCode);
        Assert.Equal("Слишком много запросов", (await russian.ParseAsync()).QuerySelector("h1")?.TextContent.Trim());
        var (page, _) = await client.GetPageAsync("/en/newsletter");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
