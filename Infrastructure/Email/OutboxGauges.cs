using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Infrastructure.Email;

/// <summary>
/// The mail outbox as two gauges of the meter <see cref="MeterName"/>: how many messages wait to be
/// sent (<c>sanatorium.outbox.depth</c>) and how long the oldest has waited (<c>sanatorium.outbox.oldest_age</c>,
/// seconds). Failed messages (refused for good) are not waiting. They are read only when something
/// observes them (a metrics exporter, a test), from one query at most every <see cref="RefreshInterval"/>
/// however often that is; the age is worked out at each observation. Every instance reports the same
/// table. See docs/decisions/0032-logs-and-metrics.md.
/// </summary>
public sealed class OutboxGauges
{
    /// <summary>The meter of the site's mail: these gauges and the campaign counter.</summary>
    public const string MeterName = "Sanatorium.Mail";

    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private readonly IServiceScopeFactory scopes;

    private readonly TimeProvider time;

    private readonly Lock gate = new();

    private DateTimeOffset readAt = DateTimeOffset.MinValue;

    private (long Count, DateTimeOffset? Oldest) waiting;

    public OutboxGauges(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider time)
    {
        this.scopes = scopes;
        this.time = time;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge(
            "sanatorium.outbox.depth", () => Read().Count, "{message}", "Messages in the mail outbox waiting to be sent.");
        meter.CreateObservableGauge(
            "sanatorium.outbox.oldest_age",
            () => Read().Oldest is { } oldest ? Math.Max(0, (time.GetUtcNow() - oldest).TotalSeconds) : 0,
            "s",
            "How long the oldest message waiting in the mail outbox has waited.");
    }

    /// <summary>The last reading, refreshed when it is older than <see cref="RefreshInterval"/> (on the exporter's thread, so synchronously).</summary>
    private (long Count, DateTimeOffset? Oldest) Read()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (now - readAt < RefreshInterval)
            {
                return waiting;
            }

            readAt = now;
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<SanatoriumDbContext>();
                var reading = db.OutboxMessages
                    .Where(m => m.FailedAt == null)
                    .GroupBy(_ => 1)
                    .Select(g => new { Count = g.LongCount(), Oldest = g.Min(m => m.CreatedAt) })
                    .SingleOrDefault();
                waiting = (reading?.Count ?? 0, reading?.Oldest);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The database is away: the last reading stands until it comes back (the outbox sender logs it).
            }

            return waiting;
        }
    }
}
