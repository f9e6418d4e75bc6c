using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Npgsql;
using Sanatorium.Web.Site.Observability;
using Sanatorium.Web.Tests.Infrastructure;
using Sanatorium.Web.Tests.Newsletter;

namespace Sanatorium.Web.Tests.Operations;

/// <summary>What an operator's log shipper reads from the real program in production: JSON lines, with scopes, and no personal data.</summary>
public sealed partial class ProductionLogTests
{
    [Fact]
    public async Task Every_line_is_json_with_a_utc_timestamp_and_none_holds_the_subscribers_address_or_token()
    {
        var connectionString = await PostgresServer.NewDatabaseAsync();
        try
        {
            await using var site = new RunningSite(connectionString, new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                // A mail server that does not answer: the mail stays in the outbox, and the outbox logs.
                ["Smtp:Port"] = MailDevProcess.FreePort().ToString(CultureInfo.InvariantCulture),
                ["Outbox:FirstRetryDelay"] = "00:10:00",
            });
            await site.StartAsync();
            using var http = new HttpClient { BaseAddress = site.Address };
            var email = MailDev.NewAddress("json-log");

            var subscribed = await http.SubscribeAsync("/", email, adjust: r => r.Headers.Add(CorrelationId.Header, "json-subscribe"));
            var token = await ConfirmationTokenAsync(site.ConnectionString);
            var confirmed = await http.GetAsync("/newsletter/confirm?token=" + token);
            await Eventually.HoldsAsync(
                () => Task.FromResult(site.Lines.Count(l => l.Contains("Mail delivery postponed", StringComparison.Ordinal)) >= 2),
                "the outbox logs both mails as postponed");

            Assert.Equal("json-subscribe", Assert.Single(subscribed.Headers.GetValues(CorrelationId.Header)));
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            var lines = site.Lines.ToList();
            Assert.All(lines, line =>
            {
                using var json = JsonDocument.Parse(line);
                Assert.Matches(UtcTimestamp(), json.RootElement.GetProperty("Timestamp").GetString());
                Assert.NotEmpty(json.RootElement.GetProperty("Category").GetString()!);
                Assert.DoesNotContain(email, line, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(token, line, StringComparison.Ordinal);
                Assert.DoesNotContain("admin@staraya-russa.test", line, StringComparison.OrdinalIgnoreCase);
            });
            var postponed = lines.Select(l => JsonDocument.Parse(l).RootElement).First(l => l.GetProperty("Message").GetString()!.StartsWith("Mail delivery postponed", StringComparison.Ordinal));
            var scopes = postponed.GetProperty("Scopes").EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object).ToList();
            Assert.Contains(scopes, s => s.TryGetProperty("Worker", out var worker) && worker.GetString() == "outbox");
            Assert.Contains(scopes, s => s.TryGetProperty("OutboxMessageId", out _));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    /// <summary>The token of the confirmation link in the mail waiting in the outbox (the mail server does not answer).</summary>
    private static async Task<string> ConfirmationTokenAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("""SELECT "Content" FROM "OutboxMessages" ORDER BY "Id" LIMIT 1""", connection);
        var content = (byte[])(await query.ExecuteScalarAsync())!;
        var message = await MimeMessage.LoadAsync(new MemoryStream(content));
        return ConfirmLink().Match(message.TextBody ?? "").Groups[1].Value;
    }

    [GeneratedRegex(@"/newsletter/confirm\?token=(\S+)")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex UtcTimestamp();
}
