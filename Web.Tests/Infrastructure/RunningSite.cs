using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;

namespace Sanatorium.Web.Tests.Infrastructure;

/// <summary>
/// The site's own program running as a separate process (<c>dotnet Sanatorium.Web.dll</c>, as
/// <see cref="SiteProcess"/> starts it) on 127.0.0.1 and a port of its own, in the environment the
/// other tests use, with <see cref="SiteFactory"/>'s settings on its database and the test's on top.
/// The test stops it as an operator does (SIGTERM), or kills it as a crash would (SIGKILL), and may
/// start it again on the same port; disposing it kills whatever still runs. The program is the tests'
/// folder's unless <paramref name="programFolder"/> (a publish folder, say), started in
/// <paramref name="workingDirectory"/> if given.
/// </summary>
public sealed class RunningSite(
    string connectionString,
    IReadOnlyDictionary<string, string?>? settings = null,
    string? programFolder = null,
    string? workingDirectory = null) : IAsyncDisposable
{
    private const int SigTerm = 15;

    private readonly List<string> output = [];

    private readonly int port = MailDevProcess.FreePort();

    private Process? process;

    public string ConnectionString => connectionString;

    /// <summary>Where it listens: http://127.0.0.1:port.</summary>
    public Uri Address => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>
    /// A browser of its own (redirects not followed) on this site, keeping its cookies in
    /// <paramref name="cookies"/>: give two sites the same container and the visitor goes from one to
    /// the other with its cookies (they are kept per host, and every site here is 127.0.0.1).
    /// </summary>
    public HttpClient Visitor(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = Address,
        };

    /// <summary>
    /// Starts the program and waits until /healthz answers 200 (a few seconds on an idle machine); fails
    /// with its output if it does not within two minutes, as <see cref="SiteProcess"/> allows.
    /// </summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(programFolder ?? AppContext.BaseDirectory, "Sanatorium.Web.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? "",
        };
        var environment = SiteFactory.DefaultSettings(connectionString);
        environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        environment["ASPNETCORE_URLS"] = Address.ToString();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(new Uri(Address, "/healthz"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                await KillAsync();
                throw new InvalidOperationException($"The site at {Address} did not come up:\n{Output}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>SIGTERM, as systemd or docker stop sends: the site must shut down gracefully, exiting with 0 within 30 s.</summary>
    public async Task StopAsync()
    {
        if (process is null || process.HasExited)
        {
            return;
        }

        Assert.Equal(0, SendSignal(process.Id, SigTerm));
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            await KillAsync();
            throw new InvalidOperationException($"The site at {Address} was still running 30 s after SIGTERM:\n{Output}");
        }

        Assert.True(process.ExitCode == 0, $"The site at {Address} exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)} after SIGTERM:\n{Output}");
    }

    /// <summary>Stops it gracefully and starts it again: the same port, the same database, the same settings.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        process?.Dispose();
        await StartAsync();
    }

    /// <summary>SIGKILL: no shutdown, no cleanup, as when the machine or the runtime dies.</summary>
    public async Task KillAsync()
    {
        if (process is null || process.HasExited)
        {
            return;
        }

        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>Every line it wrote on its console, over all its runs.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (output)
            {
                return [.. output];
            }
        }
    }

    /// <summary>The last lines it wrote, over all its runs (for a failure message).</summary>
    public string Output => string.Join('\n', Lines.TakeLast(200));

    /// <summary>Every line it logged at the levels Error and Critical, over all its runs.</summary>
    public IReadOnlyList<string> Errors =>
        Lines.Where(line => line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
        process = null;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
