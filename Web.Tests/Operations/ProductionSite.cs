using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Operations;

/// <summary>
/// The site's own program run as a process in the Production environment, every line of its console
/// kept (<see cref="Lines"/>), on a database of its own and a mail server that does not answer (mail
/// stays in the outbox).
/// </summary>
public sealed class ProductionSite : IAsyncDisposable
{
    private readonly Process process;

    private readonly ConcurrentQueue<string> lines = new();

    private ProductionSite(Process process, Uri address, string connectionString)
    {
        this.process = process;
        Address = address;
        ConnectionString = connectionString;
    }

    public Uri Address { get; }

    public string ConnectionString { get; }

    public IReadOnlyCollection<string> Lines => lines;

    public static async Task<ProductionSite> StartAsync()
    {
        var connectionString = await PostgresServer.NewDatabaseAsync();
        var port = MailDevProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Sanatorium.Web.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ConnectionStrings__Sanatorium"] = connectionString,
                ["Site__BaseUrl"] = SiteFactory.BaseUrl,
                ["Smtp__Host"] = "127.0.0.1",
                ["Smtp__Port"] = MailDevProcess.FreePort().ToString(CultureInfo.InvariantCulture),
                ["Smtp__Security"] = "None",
                ["Smtp__FromAddress"] = "promo@staraya-russa.test",
                ["Outbox__FirstRetryDelay"] = "00:10:00",
                ["Admin__Email"] = "admin@staraya-russa.test",
                ["Admin__Password"] = "Correct-Horse-42",
            },
        };
        var site = new ProductionSite(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"), connectionString);
        site.process.OutputDataReceived += (_, line) => site.Keep(line.Data);
        site.process.ErrorDataReceived += (_, line) => site.Keep(line.Data);
        site.process.BeginOutputReadLine();
        site.process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.HoldsAsync(
            async () =>
            {
                Assert.False(site.process.HasExited, "The site stopped:\n" + string.Join('\n', site.Lines));
                try
                {
                    return (await http.GetAsync(new Uri(site.Address, "/healthz"))).IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            },
            "the site answers /healthz");
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        await PostgresServer.DropDatabaseAsync(ConnectionString);
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
