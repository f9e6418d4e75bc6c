using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Sanatorium.Infrastructure.Options;

namespace Sanatorium.Infrastructure.Caching;

/// <summary>
/// LISTENs on <see cref="SiteChanges.Channel"/> on a connection of its own, on every instance, and empties
/// <see cref="PublicCache"/> at each notification. Whatever was published while it was not listening (the
/// database away, the connection dropped) it cannot know, so it empties the cache each time it starts
/// listening again; a connection that died silently is found by a probe when nothing came for a while.
/// </summary>
public sealed class SiteChangeListener(
    PublicCache cache,
    IOptions<DatabaseOptions> database,
    ILogger<SiteChangeListener> logger) : BackgroundService
{
    /// <summary>How long to wait before listening again after the connection failed.</summary>
    public static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    /// <summary>After this long without a notification, a query checks that the connection is still alive.</summary>
    private static readonly TimeSpan Probe = TimeSpan.FromSeconds(30);

    /// <summary>The connection's name in pg_stat_activity.</summary>
    public const string ApplicationName = "sanatorium-site-changes";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString)
        {
            ApplicationName = ApplicationName,
            Pooling = false,
        }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(connectionString, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or SocketException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(e, "Cannot listen for changes of the public site; trying again in {Delay}.", Reconnect);
                try
                {
                    await Task.Delay(Reconnect, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {SiteChanges.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // What was published while nobody listened.
        await cache.EvictAsync(stoppingToken);
        while (true)
        {
            if (await connection.WaitAsync(Probe, stoppingToken))
            {
                await cache.EvictAsync(stoppingToken);
                continue;
            }

            await using var probe = new NpgsqlCommand("SELECT 1", connection);
            await probe.ExecuteScalarAsync(stoppingToken);
        }
    }
}
