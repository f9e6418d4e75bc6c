#:package MailKit
#:package Npgsql
#:property PublishAot=false
// The baselines of bench/campaign.sh: the same message sent to the same SMTP sink by a plain MailKit
// loop: CONNECTIONS connections, each with a NoDelay socket as the site's, sending COUNT messages
// between them as fast as the sink takes them. Prints "sent N in S s".
// Without a ledger: nothing else (no database, no rendering). With CONNECTION_STRING and CAMPAIGN_ID:
// the floor of any dispatcher that keeps issue 10's repeat bound: after each message the server
// accepted, and before the next one on that connection, the campaign's next ledger line is marked
// sent with the dispatcher's own statement (prepared, asynchronous commit, a PostgreSQL connection per
// SMTP connection), and nothing else (no claim, no lease, no per-recipient message).
// Usage: dotnet run bench/campaign-baseline.cs -- HOST PORT CONNECTIONS COUNT MESSAGE.eml [CONNECTION_STRING CAMPAIGN_ID]
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Npgsql;
using NpgsqlTypes;

var (host, port, connections, count, file, ledger, campaign) = args switch
{
    [var h, var p, var c, var n, var f] => (h, (int)Number(p), (int)Number(c), (int)Number(n), f, null, 0),
    [var h, var p, var c, var n, var f, var s, var id] => (h, (int)Number(p), (int)Number(c), (int)Number(n), f, s, Number(id)),
    _ => throw new ArgumentException("usage: HOST PORT CONNECTIONS COUNT MESSAGE.eml [CONNECTION_STRING CAMPAIGN_ID]"),
};
long[] lines = [];
if (ledger is not null)
{
    await using var connection = new NpgsqlConnection(ledger);
    await connection.OpenAsync();
    await using var query = new NpgsqlCommand("""SELECT "Id" FROM "CampaignDeliveries" WHERE "CampaignId" = $1 ORDER BY "Id" """, connection)
    {
        Parameters = { new() { Value = campaign } },
    };
    var ids = new List<long>();
    await using (var reader = await query.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }
    }

    lines = [.. ids];
    if (lines.Length < count)
    {
        throw new ArgumentException($"campaign {campaign} has {lines.Length} ledger lines, fewer than {count}");
    }
}

var next = -1;
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
{
    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    await socket.ConnectAsync(host, port);
    using var client = new SmtpClient();
    await client.ConnectAsync(socket, host, port, SecureSocketOptions.None);
    await using var database = ledger is null ? null : new NpgsqlConnection(ledger);
    NpgsqlCommand? mark = null;
    if (database is not null)
    {
        await database.OpenAsync();
        await using (var set = new NpgsqlCommand("SET synchronous_commit = off", database))
        {
            await set.ExecuteNonQueryAsync();
        }

        mark = new NpgsqlCommand(
            """UPDATE "CampaignDeliveries" SET "Status" = 'Sent', "At" = $1, "LockedUntil" = NULL, "Error" = NULL WHERE "Id" = $2""",
            database)
        {
            Parameters = { new() { NpgsqlDbType = NpgsqlDbType.TimestampTz }, new() { NpgsqlDbType = NpgsqlDbType.Bigint } },
        };
        await mark.PrepareAsync();
    }

    var copy = await MimeMessage.LoadAsync(file);
    while (Interlocked.Increment(ref next) is var i && i < count)
    {
        copy.To.Clear();
        copy.To.Add(MailboxAddress.Parse($"bench.person{i}@example.org"));
        copy.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("bench.local");
        await client.SendAsync(copy);
        if (mark is not null)
        {
            mark.Parameters[0].Value = DateTimeOffset.UtcNow;
            mark.Parameters[1].Value = lines[i];
            await mark.ExecuteNonQueryAsync();
        }
    }

    await client.DisconnectAsync(true);
})));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sent {count} in {clock.Elapsed.TotalSeconds:F2} s"));

static long Number(string value) => long.Parse(value, CultureInfo.InvariantCulture);
