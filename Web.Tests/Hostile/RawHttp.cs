using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Sanatorium.Web.Tests.Hostile;

/// <summary>
/// HTTP/1.1 written by hand on a socket, for what HttpClient refuses to send or quietly repairs
/// (dot segments, NUL bytes, folded headers, a body cut short). Every request should say
/// <c>Connection: close</c>: the answer is read until the server closes.
/// </summary>
public static class RawHttp
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>Sends <paramref name="head"/> (Latin-1) and then <paramref name="body"/>, and reads what comes back.</summary>
    public static async Task<RawAnswer> SendAsync(Uri server, string head, byte[]? body = null)
    {
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        try
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(head));
            await stream.WriteAsync(body ?? []);
        }
        catch (IOException)
        {
            // The server answered and closed before it had it all: the answer is what counts.
        }

        var received = new MemoryStream();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await stream.CopyToAsync(received, timeout.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // A reset after the answer, or a server that kept the connection open: what arrived is the answer.
        }

        return RawAnswer.Parse(received.ToArray());
    }
}

/// <summary>A status line, headers and body (un-chunked) as they came off the socket; status 0 when nothing came.</summary>
public sealed record RawAnswer(int Status, IReadOnlyList<(string Name, string Value)> Headers, string Body)
{
    public string? Header(string name) =>
        Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public static RawAnswer Parse(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0 || !int.TryParse(text.Split(' ').ElementAtOrDefault(1), out var status))
        {
            return new RawAnswer(0, [], text);
        }

        var headers = text[..end].Split("\r\n").Skip(1)
            .Select(line => line.Split(':', 2))
            .Select(parts => (parts[0].Trim(), parts.ElementAtOrDefault(1)?.Trim() ?? ""))
            .ToList();
        var body = bytes.AsSpan(Encoding.Latin1.GetByteCount(text[..(end + 4)])).ToArray();
        var answer = new RawAnswer(status, headers, "");
        return answer with
        {
            Body = Encoding.UTF8.GetString(answer.Header("Transfer-Encoding")?.Contains("chunked") == true ? Unchunk(body) : body),
        };
    }

    private static byte[] Unchunk(byte[] body)
    {
        var result = new MemoryStream();
        var at = 0;
        while (at < body.Length)
        {
            var lineEnd = body.AsSpan(at).IndexOf("\r\n"u8);
            if (lineEnd < 0 || !int.TryParse(Encoding.ASCII.GetString(body, at, lineEnd).Split(';')[0], System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0)
            {
                break;
            }

            at += lineEnd + 2;
            result.Write(body, at, Math.Min(size, body.Length - at));
            at += size + 2;
        }

        return result.ToArray();
    }

    public override string ToString() => Status == 0 ? "no answer" : Status.ToString(CultureInfo.InvariantCulture);
}
