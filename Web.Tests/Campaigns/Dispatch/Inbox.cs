using System.Net.Http.Json;
using System.Text.Json.Serialization;
using MimeKit;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Campaigns.Dispatch;

/// <summary>Everything a MailDev of the test's own received (<see cref="MailDevProcess"/>), counted per address, and any message as sent (its raw source).</summary>
public sealed class Inbox(Uri server)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task<IReadOnlyList<Received>> AllAsync() =>
        (await Http.GetFromJsonAsync<List<Received>>(new Uri(server, "/api/email")))!;

    /// <summary>How many messages each address got.</summary>
    public async Task<Dictionary<string, int>> CountsAsync() =>
        (await AllAsync()).SelectMany(m => m.To.Select(to => to.Address.ToLowerInvariant()))
            .GroupBy(address => address)
            .ToDictionary(g => g.Key, g => g.Count());

    public async Task<MimeMessage> SourceAsync(Received mail)
    {
        await using var stream = await Http.GetStreamAsync(new Uri(server, $"/api/email/{mail.Id}/source"));
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        buffer.Position = 0;
        return await MimeMessage.LoadAsync(buffer);
    }

    /// <summary>Waits until <paramref name="expected"/> messages arrived in all.</summary>
    public Task WaitForAsync(int expected) =>
        Eventually.HoldsAsync(async () => (await AllAsync()).Count >= expected, $"{expected} messages arrived at MailDev");

    public sealed record Received(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("to")] IReadOnlyList<MailAddress> To,
        [property: JsonPropertyName("from")] IReadOnlyList<MailAddress> From);
}
