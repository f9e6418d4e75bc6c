using Microsoft.Extensions.Logging;

namespace Sanatorium.Infrastructure.Observability;

/// <summary>
/// The logging scopes of background work: every line a worker writes names the worker, and, while
/// it handles one, the campaign or outbox message (by id, never by address). See
/// docs/decisions/0032-logs-and-metrics.md.
/// </summary>
public static class LogScopes
{
    private static readonly Func<ILogger, string, IDisposable?> WorkerScope =
        LoggerMessage.DefineScope<string>("Worker:{Worker}");

    private static readonly Func<ILogger, long, IDisposable?> CampaignScope =
        LoggerMessage.DefineScope<long>("Campaign:{CampaignId}");

    private static readonly Func<ILogger, long, IDisposable?> OutboxMessageScope =
        LoggerMessage.DefineScope<long>("OutboxMessage:{OutboxMessageId}");

    public static IDisposable? Worker(ILogger logger, string name) => WorkerScope(logger, name);

    public static IDisposable? Campaign(ILogger logger, long campaignId) => CampaignScope(logger, campaignId);

    public static IDisposable? OutboxMessage(ILogger logger, long messageId) => OutboxMessageScope(logger, messageId);
}
