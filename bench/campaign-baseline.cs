#:package MailKit
#:property PublishAot=false
// The baseline of bench/campaign.sh: the same message sent to the same SMTP sink by a plain MailKit
// loop, nothing else (no database, no ledger, no rendering): CONNECTIONS connections, each with a
// NoDelay socket as the site's, sending COUNT messages between them as fast as the sink takes them.
// Prints "sent N in S s". Usage: dotnet run bench/campaign-baseline.cs -- HOST PORT CONNECTIONS COUNT MESSAGE.eml
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

var (host, port, connections, count, file) = args is [var h, var p, var c, var n, var f]
    ? (h, int.Parse(p, CultureInfo.InvariantCulture), int.Parse(c, CultureInfo.InvariantCulture), int.Parse(n, CultureInfo.InvariantCulture), f)
    : throw new ArgumentException("usage: HOST PORT CONNECTIONS COUNT MESSAGE.eml");
var next = -1;
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
{
    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    await socket.ConnectAsync(host, port);
    using var client = new SmtpClient();
    await client.ConnectAsync(socket, host, port, SecureSocketOptions.None);
    var copy = await MimeMessage.LoadAsync(file);
    while (Interlocked.Increment(ref next) is var i && i < count)
    {
        copy.To.Clear();
        copy.To.Add(MailboxAddress.Parse($"bench.person{i}@example.org"));
        copy.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("bench.local");
        await client.SendAsync(copy);
    }

    await client.DisconnectAsync(true);
})));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sent {count} in {clock.Elapsed.TotalSeconds:F2} s"));
