using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Sanatorium.Infrastructure.Observability;
using Sanatorium.Infrastructure.Options;

namespace Sanatorium.Infrastructure.Content;

/// <summary>
/// Publishes scheduled drafts when they are due (<see cref="ContentSchedule.PublishNextDueAsync"/>), on every
/// instance: whichever claims a schedule first publishes it, once. It looks every
/// <c>Scheduling:PollInterval</c> and sleeps no longer than until the soonest schedule it knows of.
/// </summary>
public sealed class ScheduledPublisher(
    IServiceScopeFactory scopes,
    IOptions<SchedulingOptions> options,
    TimeProvider time,
    ILogger<ScheduledPublisher> logger) : BackgroundService
{
    /// <summary>The shortest sleep: while another instance holds a due schedule, this one does not spin.</summary>
    private static readonly TimeSpan MinPause = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var worker = LogScopes.Worker(logger, "scheduled-publisher");
        var interval = options.Value.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan pause;
            try
            {
                pause = await RoundAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or DbUpdateException or TimeoutException)
            {
                // The database is away (or not migrated yet): a schedule waits, it is not lost.
                logger.LogWarning(e, "Scheduled publications cannot be read; trying again in {Delay}.", interval);
                pause = interval;
            }

            try
            {
                await Task.Delay(pause, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Publishes whatever is due; returns how long to sleep.</summary>
    private async Task<TimeSpan> RoundAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var schedule = scope.ServiceProvider.GetRequiredService<ContentSchedule>();
            if (await schedule.PublishNextDueAsync(stoppingToken))
            {
                continue;
            }

            var untilDue = await schedule.NextDueAsync(stoppingToken) - time.GetUtcNow();
            return untilDue is { } wait && wait < interval ? (wait > MinPause ? wait : MinPause) : interval;
        }
    }
}
