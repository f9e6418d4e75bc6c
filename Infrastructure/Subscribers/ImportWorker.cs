using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sanatorium.Infrastructure.Subscribers;

/// <summary>
/// Runs queued imports in the background, one at a time per instance: at once when this instance
/// queued one (<see cref="Wake"/>), otherwise every few seconds, which is also how it finds an import
/// another instance queued or one whose worker crashed (<see cref="ImportRunner"/>).
/// </summary>
public sealed class ImportWorker(ImportRunner runner, ILogger<ImportWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await runner.RunNextAsync(stoppingToken))
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database is away (or not migrated yet): try again at the next poll.
                logger.LogWarning(e, "Looking for queued subscriber imports failed.");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(Poll);
            try
            {
                await wake.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // Time for the next look.
            }
        }
    }
}
