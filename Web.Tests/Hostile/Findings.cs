using System.Diagnostics;
using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Xunit.Abstractions;

namespace Sanatorium.Web.Tests.Hostile;

/// <summary>
/// What one attack found, every broken place at once: each line reads <c>METHOD url field -> status what</c>.
/// Every answer is also held to what any answer of the site must be: never a 5xx, never an empty error
/// page for a browser, never the script marker unescaped, always the security headers, and in time.
/// </summary>
public sealed class Findings(string attack, ITestOutputHelper output)
{
    /// <summary>Longer than this, an answer is a way to take the site down; two cores shared with the rest of the tests.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly List<string> failures = [];
    private readonly List<string> notes = [];

    public int Requests { get; private set; }

    public void Fail(string where, string what) => failures.Add($"{where} -> {what}");

    /// <summary>A target the attack could not reach (a page that no longer shows its form); written to the test's output.</summary>
    public void Note(string what) => notes.Add(what);

    /// <summary>Sends <paramref name="request"/> as a browser would (accepting HTML) and checks the answer; the attack checks the rest.</summary>
    public async Task<Answer> SendAsync(HttpClient client, HttpRequestMessage request, string where)
    {
        Requests++;
        if (request.Headers.Accept.Count == 0)
        {
            request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        }

        var method = request.Method.Method;
        var clock = Stopwatch.StartNew();
        HttpResponseMessage response;
        string body;
        try
        {
            response = await client.SendAsync(request);
            body = await response.Content.ReadAsStringAsync();
        }
        catch (TaskCanceledException)
        {
            Fail(where, $"no answer within {client.Timeout.TotalSeconds:0} s");
            return Answer.None;
        }
        catch (Exception e)
        {
            // The test server hands the site's unhandled exceptions to the client: on Kestrel, an empty 500.
            Fail(where, $"500, the site threw {e.GetType().Name}: {FirstLine(e.Message)}");
            return Answer.None;
        }

        var answer = new Answer((int)response.StatusCode, body, response);
        var status = answer.Status;
        if (status >= 500)
        {
            Fail(where, $"{status}{(body.Trim().Length == 0 ? " with an empty body" : "")}");
        }
        else if (status >= 400 && method is "GET" or "POST" && body.Trim().Length == 0)
        {
            Fail(where, $"{status} with an empty body");
        }

        if (Payloads.IsLive(body))
        {
            Fail(where, $"{status} with the script marker unescaped in its body");
        }

        if (!response.Headers.Contains("X-Content-Type-Options"))
        {
            Fail(where, $"{status} without the security headers");
        }

        if (clock.Elapsed > Patience)
        {
            Fail(where, $"{status} after {clock.Elapsed.TotalSeconds:0.0} s");
        }

        return answer;
    }

    /// <summary>Fails the test with every finding, or passes and says how much was tried.</summary>
    public void AssertNone()
    {
        foreach (var note in notes)
        {
            output.WriteLine(note);
        }

        output.WriteLine($"{attack}: {Requests} requests, {failures.Count} findings.");
        Assert.True(
            failures.Count == 0,
            $"{attack}: {failures.Count} finding(s) in {Requests} requests:\n" + string.Join("\n", failures.Distinct()));
    }

    /// <summary>Sends a request written by hand (see <see cref="RawHttp"/>) and checks it got a status that is not a 5xx.</summary>
    public async Task<RawAnswer> SendRawAsync(Uri server, string head, string where, byte[]? body = null)
    {
        Requests++;
        var answer = await RawHttp.SendAsync(server, head, body);
        if (answer.Status is 0 or >= 500)
        {
            Fail(where, answer.ToString());
        }

        return answer;
    }

    /// <summary>A value as a finding shows it: control characters visible, a long one cut.</summary>
    public static string Shorten(string value) =>
        (value.Length > 80 ? value[..60] + $"…({value.Length} chars)" : value).Replace("\0", "\\0").Replace("\r", "\\r").Replace("\n", "\\n");

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}

/// <summary>An answer of the site, its page parsed when asked for.</summary>
public sealed class Answer(int status, string body, HttpResponseMessage? response)
{
    /// <summary>What a request that got no answer at all (already a finding) gives the attack's own checks.</summary>
    public static Answer None { get; } = new(0, "", null);

    public int Status { get; } = status;

    public string Body { get; } = body;

    public bool IsNone => response is null;

    public string? Location => response?.Headers.Location?.OriginalString;

    public IDocument Page => field ??= new HtmlParser().ParseDocument(Body);

    /// <summary>The language the answer speaks (its html lang), if it is a page.</summary>
    public string? Language => Page.DocumentElement.GetAttribute("lang");

    /// <summary>The site said no: an error status, or the form shown again with an error on it.</summary>
    public bool Refused => Status >= 400 || (Status == 200 && ShowsError);

    private bool ShowsError => Page
        .QuerySelectorAll(".field-error, .form-errors, [role=alert]")
        .Any(e => e.TextContent.Trim().Length > 0);

    public override string ToString() => IsNone ? "no answer" : Status.ToString(CultureInfo.InvariantCulture);
}
