using System.Net;
using Sanatorium.Web.Admin.Accounts;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Enquiries;

/// <summary>The enquiry form is rate-limited per client address (a site of its own, so other tests keep their budget).</summary>
public sealed class EnquiryRateLimitTests(EnquiryRateLimitTests.SiteWithRealLimit site) : IClassFixture<EnquiryRateLimitTests.SiteWithRealLimit>
{
    public sealed class SiteWithRealLimit : SiteFactory
    {
        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings.Remove("RateLimits:EnquiryPostsPerMinute");
            return settings;
        }
    }

    [Fact]
    public async Task Too_many_enquiries_in_a_minute_are_answered_429_with_a_page_in_the_visitor_language()
    {
        var client = site.CreateVisitor();
        for (var i = 0; i < RateLimits.EnquiryPostsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.EnquireAsync("/en/enquiry", new() { ["Input.Name"] = "" })).StatusCode);
        }

        var english = await client.EnquireAsync("/en/enquiry");
        var russian = await client.EnquireAsync("/enquiry");

        Assert.Equal(HttpStatusCode.TooManyRequests, english.StatusCode);
        Assert.Equal("Too many requests", (await english.ParseAsync()).QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.TooManyRequests, russian.StatusCode);
        Assert.Equal("Слишком много запросов", (await russian.ParseAsync()).QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(0, await site.EnquiryCountAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/en/enquiry")).StatusCode);
    }
}
