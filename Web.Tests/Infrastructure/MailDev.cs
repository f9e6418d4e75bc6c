using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Sanatorium.Web.Tests.Infrastructure;

/// <summary>
/// The mail the site really sent, read back from MailDev's HTTP API (the SMTP server scripts/test.sh
/// starts; SANATORIUM_TEST_MAILDEV is its address). MailDev is shared by every test running at once,
/// so a test looks only at mail to addresses of its own. Without MailDev a test fails and says how
/// to start it; it never skips.
/// </summary>
public static class MailDev
{
    public const string Variable = "SANATORIUM_TEST_MAILDEV";

    /// <summary>How long mail may take to arrive: it is sent after the response, from the outbox.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>An address no other test (nor an earlier run) uses, so that the mail to it is this test's own.</summary>
    public static string NewAddress(string name) => $"{name}-{Guid.NewGuid():N}@staraya-russa.test";

    /// <summary>Waits for the first message to <paramref name="to"/> and returns it.</summary>
    /// <param name="server">The web address of a MailDev of the test's own (<see cref="MailDevProcess"/>); the shared one by default.</param>
    public static async Task<ReceivedMail> WaitForMailToAsync(string to, Uri? server = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await MailToAsync(to, server) is [var mail, ..])
            {
                return mail;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No e-mail to {to} arrived at MailDev ({server ?? BaseUrl}) within {Patience.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }

    /// <summary>Every message to <paramref name="to"/> that MailDev holds now.</summary>
    public static async Task<IReadOnlyList<ReceivedMail>> MailToAsync(string to, Uri? server = null)
    {
        List<ReceivedMail>? all;
        server ??= BaseUrl;
        try
        {
            all = await Http.GetFromJsonAsync<List<ReceivedMail>>(new Uri(server, "/api/email"));
        }
        catch (HttpRequestException e)
        {
            throw new InvalidOperationException(
                $"MailDev does not answer at {server}: run the tests with scripts/test.sh, which starts it. ({e.Message})", e);
        }

        return all!.Where(m => m.To.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    private static Uri BaseUrl =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url
            ? new Uri(url)
            : throw new InvalidOperationException(
                $"{Variable} is not set: run the tests with scripts/test.sh, which starts MailDev (an SMTP server with an " +
                "HTTP API) and sets it, or start MailDev yourself and set it to its web address.");
}

public sealed record ReceivedMail(
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("html")] string Html,
    [property: JsonPropertyName("to")] IReadOnlyList<MailAddress> To,
    [property: JsonPropertyName("from")] IReadOnlyList<MailAddress> From)
{
    /// <summary>The absolute link to <paramref name="path"/> in the text part (on a line of its own).</summary>
    public Uri LinkTo(string path) =>
        Text.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith(SiteFactory.BaseUrl + path + "?", StringComparison.Ordinal)) is { } link
            ? new Uri(link)
            : throw new Xunit.Sdk.XunitException($"No link to {SiteFactory.BaseUrl}{path} in:\n{Text}");
}

public sealed record MailAddress(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("name")] string Name);
