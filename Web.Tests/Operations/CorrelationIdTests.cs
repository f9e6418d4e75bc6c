using System.Net;
using Sanatorium.Web.Site.Observability;
using Sanatorium.Web.Tests.Infrastructure;
using Sanatorium.Web.Tests.Newsletter;

namespace Sanatorium.Web.Tests.Operations;

/// <summary>
/// One id per request: the caller's when it is plain, else the trace id; in the response header, in
/// every log line written while the request is handled, and on the error pages in the visitor's language.
/// </summary>
public sealed partial class CorrelationIdTests(CorrelationIdTests.VerboseSite site) : IClassFixture<CorrelationIdTests.VerboseSite>
{
    /// <summary>ASP.NET Core's own lines at Information (production keeps them at Warning), so that every request writes several.</summary>
    public sealed class VerboseSite : LoggingSite
    {
        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Information";
            return settings;
        }
    }

    [Fact]
    public async Task A_plain_id_from_the_caller_comes_back()
    {
        var response = await GetAsync("/", ("X-Correlation-Id", "proxy-2026-12-02-A1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("proxy-2026-12-02-A1", IdOf(response));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("two words")]
    [InlineData("id;drop")]
    [InlineData("ещё-один")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task An_id_that_is_not_short_and_plain_is_replaced_by_a_new_one(string given)
    {
        var response = await GetAsync("/", ("X-Correlation-Id", given));

        Assert.Matches(NewId(), IdOf(response));
    }

    [Fact]
    public async Task Without_an_id_each_request_gets_a_new_one_and_a_traceparent_gives_its_trace_id()
    {
        var first = IdOf(await GetAsync("/en/"));
        var second = IdOf(await GetAsync("/en/"));
        var traced = IdOf(await GetAsync("/en/", ("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")));

        Assert.Matches(NewId(), first);
        Assert.Matches(NewId(), second);
        Assert.NotEqual(first, second);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", traced);
    }

    [Theory]
    [InlineData("/en/treatments/lumbar-pain-syndrome", "Something went wrong", "Request code: failure-en-1.")]
    [InlineData("/treatments/poyasnichnyy-bolevoy-sindrom", "Что-то пошло не так", "Код запроса: failure-ru-1.")]
    public async Task A_failure_shows_the_friendly_page_in_the_visitors_language_with_the_id_and_is_logged_with_it(
        string path, string heading, string code)
    {
        var id = code.Split(' ')[^1].TrimEnd('.');

        var response = await GetAsync(path, ("X-Correlation-Id", id), (LoggingSite.FailureHeader, "yes"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(id, IdOf(response));
        var page = await response.ParseAsync();
        Assert.Equal(heading, page.QuerySelector("h1")?.TextContent.Trim());
        Assert.StartsWith(code, page.QuerySelector(".request-code")?.TextContent.Trim(), StringComparison.Ordinal);
        var lines = site.Logs.Lines.Where(l => l.CorrelationId == id).ToList();
        Assert.Contains(lines, l => l.Message == LoggingSite.BeforeFailure);
        Assert.Contains(lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error && l.Text.Contains("A failure the test asked for.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_status_page_shows_the_id_too()
    {
        var response = await GetAsync("/en/no-such-page", ("X-Correlation-Id", "lost-visitor-7"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("Request code: lost-visitor-7.", (await response.ParseAsync()).QuerySelector(".request-code")?.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_line_written_while_handling_a_request_carries_its_id()
    {
        var visitor = site.CreateVisitor();
        string[] ids = ["lines-page", "lines-missing", "lines-form", "lines-failure"];
        await GetAsync("/en/treatments/lumbar-pain-syndrome", ("X-Correlation-Id", ids[0]));
        await GetAsync("/en/nowhere", ("X-Correlation-Id", ids[1]));
        await visitor.SubscribeAsync("/", "not-an-address", adjust: r => r.Headers.Add("X-Correlation-Id", ids[2]));
        await GetAsync("/", ("X-Correlation-Id", ids[3]), (LoggingSite.FailureHeader, "yes"));

        // ASP.NET Core's "Request starting/finished" lines come before and after the site's pipeline;
        // they carry the trace id (the correlation id unless the caller gave one) and are off in production.
        var inRequests = site.Logs.Lines.Where(l => l.InRequest && l.Category != "Microsoft.AspNetCore.Hosting.Diagnostics").ToList();
        Assert.All(inRequests, l => Assert.True(l.CorrelationId is not null, $"No correlation id on: {l.Category}: {l.Message}"));
        Assert.All(ids, id => Assert.True(inRequests.Count(l => l.CorrelationId == id) >= 2, $"Fewer than two lines of request {id}."));
    }

    private async Task<HttpResponseMessage> GetAsync(string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await site.CreateVisitor().SendAsync(request);
    }

    private static string IdOf(HttpResponseMessage response) => Assert.Single(response.Headers.GetValues(CorrelationId.Header));

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial System.Text.RegularExpressions.Regex NewId();
}
