using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sanatorium.Web.Tests.Infrastructure;

/// <summary>
/// A MailDev of a test's own, on ports nothing else uses, for tests that need the SMTP server to be
/// down first and to come up later (the shared one must stay up for the other tests). It is the
/// same MailDev that scripts/test.sh installs from tools/maildev.
/// </summary>
public sealed class MailDevProcess : IAsyncDisposable
{
    private readonly Process process;

    private MailDevProcess(Process process, int smtpPort, int webPort)
    {
        this.process = process;
        SmtpPort = smtpPort;
        Web = new Uri($"http://127.0.0.1:{webPort}");
    }

    public int SmtpPort { get; }

    /// <summary>The HTTP API, for <see cref="MailDev.WaitForMailToAsync"/>.</summary>
    public Uri Web { get; }

    /// <summary>A port that was free a moment ago: where an SMTP server is not (yet).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts MailDev with its SMTP server on <paramref name="smtpPort"/> and waits until it answers.
    /// With <paramref name="mailDirectory"/> each message it accepts is written there (one .eml file,
    /// before it answers 250) and stays when MailDev is stopped.
    /// </summary>
    public static async Task<MailDevProcess> StartAsync(int smtpPort, string? mailDirectory = null)
    {
        var webPort = FreePort();
        var start = new ProcessStartInfo(Executable(), [
            "--ip", "127.0.0.1", "--web-ip", "127.0.0.1",
            "--smtp", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--web", webPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. mailDirectory is null ? Array.Empty<string>() : ["--mail-directory", mailDirectory],
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var maildev = new MailDevProcess(Process.Start(start)!, smtpPort, webPort);
        maildev.process.OutputDataReceived += (_, _) => { };
        maildev.process.ErrorDataReceived += (_, _) => { };
        maildev.process.BeginOutputReadLine();
        maildev.process.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var smtp = new TcpClient();
                await smtp.ConnectAsync(IPAddress.Loopback, smtpPort);
                (await http.GetAsync(new Uri(maildev.Web, "/api/email"))).EnsureSuccessStatusCode();
                return maildev;
            }
            catch (Exception e) when (e is SocketException or HttpRequestException && DateTime.UtcNow < deadline && !maildev.process.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static string Executable()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tools", "maildev", "node_modules", ".bin", "maildev");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "MailDev is not installed in tools/maildev: run scripts/test.sh (it runs `npm ci --prefix tools/maildev`).");
    }
}
