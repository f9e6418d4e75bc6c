using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Deployment;

/// <summary>
/// Behind the reverse proxy (ForwardedHeaders:KnownProxies), the visitor's address and scheme come from
/// the proxy's X-Forwarded-For and X-Forwarded-Proto; the same headers from anyone else change nothing.
/// </summary>
public sealed class ForwardedHeadersTests(ForwardedHeadersTests.ProxiedSite site) : IClassFixture<ForwardedHeadersTests.ProxiedSite>
{
    private const string Proxy = "10.1.1.1";

    /// <summary>A site behind one proxy, whose login form allows two submissions a minute per address.</summary>
    public sealed class ProxiedSite : SiteFactory
    {
        /// <summary>The address the test server says a request came from (it has none of its own).</summary>
        public const string PeerHeader = "X-Test-Peer";

        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["ForwardedHeaders:KnownProxies:0"] = Proxy;
            settings["RateLimits:LoginAttemptsPerMinute"] = "2";
            return settings;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new PeerAddress(PeerHeader)));
        }
    }

    [Fact]
    public async Task Two_visitors_behind_the_proxy_have_a_rate_limit_each()
    {
        var first = await LoginAnswersAsync(From(Proxy, "203.0.113.1"), 3);
        var second = await LoginAnswersAsync(From(Proxy, "203.0.113.2"), 1);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.OK], second);
    }

    [Fact]
    public async Task A_visitor_who_writes_X_Forwarded_For_himself_does_not_escape_his_rate_limit()
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.AddRange(await LoginAnswersAsync(From("198.51.100.7", $"203.0.113.{10 + i}"), 1));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task A_visitor_who_writes_X_Forwarded_For_in_front_of_the_proxys_is_still_limited_by_his_own_address()
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.AddRange(await LoginAnswersAsync(From(Proxy, $"192.0.2.{10 + i}, 203.0.113.20"), 1));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task Https_at_the_proxy_is_https_to_the_site_and_only_the_proxy_can_say_so()
    {
        var viaProxy = await From(Proxy, "203.0.113.30", "https").GetAsync("/admin/account/login");
        var direct = await From("198.51.100.8", "203.0.113.30", "https").GetAsync("/admin/account/login");

        Assert.All(SetCookies(viaProxy), cookie => Assert.True(cookie.Secure, $"{cookie.Name} is not Secure"));
        Assert.All(SetCookies(direct), cookie => Assert.False(cookie.Secure, $"{cookie.Name} is Secure"));
        Assert.NotEmpty(SetCookies(viaProxy));
        Assert.NotEmpty(SetCookies(direct));
    }

    private HttpClient From(string peer, string forwardedFor, string? forwardedProto = null)
    {
        var client = site.CreateVisitor();
        client.DefaultRequestHeaders.Add(ProxiedSite.PeerHeader, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        if (forwardedProto is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        }

        return client;
    }

    private static async Task<List<HttpStatusCode>> LoginAnswersAsync(HttpClient client, int times)
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
        {
            answers.Add((await client.SubmitLoginAsync("nobody@staraya-russa.test", "wrong")).StatusCode);
        }

        return answers;
    }

    private static IList<SetCookieHeaderValue> SetCookies(HttpResponseMessage response) =>
        SetCookieHeaderValue.ParseList(response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : []);
}
