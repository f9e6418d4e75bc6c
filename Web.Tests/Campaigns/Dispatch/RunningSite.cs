using System.Diagnostics;
using System.Globalization;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Campaigns.Dispatch;

/// <summary>
/// The site's own program running as a separate process (<c>dotnet Sanatorium.Web.dll</c>, as
/// <see cref="SiteProcess"/> starts it) until the test kills it: with SIGKILL, as a crash would.
/// </summary>
public sealed class RunningSite : IAsyncDisposable
{
    private readonly Process process;

    private readonly Queue<string> output = new();

    private RunningSite(Process process, Uri address) => (this.process, Address) = (process, address);

    /// <summary>Where it listens, on the loopback.</summary>
    public Uri Address { get; }

    /// <summary>
    /// The settings <see cref="SiteFactory"/> gives, on <paramref name="connectionString"/>'s database, with <paramref name="settings"/> on top;
    /// the program of the tests' folder unless <paramref name="programFolder"/> (a publish folder, say), started in <paramref name="workingDirectory"/> if given.
    /// </summary>
    public static async Task<RunningSite> StartAsync(
        string connectionString, Dictionary<string, string?> settings, string? programFolder = null, string? workingDirectory = null)
    {
        var port = MailDevProcess.FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(programFolder ?? AppContext.BaseDirectory, "Sanatorium.Web.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? "",
        };
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sanatorium"] = connectionString,
            ["Site:BaseUrl"] = SiteFactory.BaseUrl,
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Security"] = "None",
            ["Smtp:FromAddress"] = "promo@staraya-russa.test",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment.AsEnvironment())
        {
            start.Environment[key] = value;
        }

        var site = new RunningSite(Process.Start(start)!, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
        site.process.OutputDataReceived += (_, line) => site.Keep(line.Data);
        site.process.ErrorDataReceived += (_, line) => site.Keep(line.Data);
        site.process.BeginOutputReadLine();
        site.process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(new Uri(site.Address, "/healthz"))).IsSuccessStatusCode)
                {
                    return site;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline || site.process.HasExited)
            {
                await site.DisposeAsync();
                throw new InvalidOperationException("The site did not come up:\n" + site.Output);
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The last lines it wrote (for a failure message).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    /// <summary>SIGKILL: no shutdown, no cleanup, as when the machine or the runtime dies.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }

        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Enqueue(line);
            if (output.Count > 200)
            {
                output.Dequeue();
            }
        }
    }
}
