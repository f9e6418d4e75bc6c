using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin.Accounts;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>The login form is rate-limited per client address (a site of its own, so other tests keep their budget).</summary>
public sealed class AdminLoginRateLimitTests(AdminLoginRateLimitTests.SiteWithRealLimit site)
    : IClassFixture<AdminLoginRateLimitTests.SiteWithRealLimit>
{
    public sealed class SiteWithRealLimit : SiteFactory
    {
        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings.Remove("RateLimits:LoginAttemptsPerMinute");
            return settings;
        }
    }

    [Fact]
    public async Task Too_many_login_attempts_in_a_minute_are_answered_429()
    {
        var client = site.CreateVisitor();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= RateLimits.LoginAttemptsPerMinute; i++)
        {
            statuses.Add((await client.SubmitLoginAsync("nobody@staraya-russa.test", "wrong")).StatusCode);
        }

        Assert.All(statuses.SkipLast(1), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
