using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sanatorium.Web.Tests.Operations;

/// <summary>
/// A logging provider that keeps every line the site writes, with its scopes, under the filters the
/// site's configuration sets for every provider (those of production unless a test changes them).
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogLine> lines = new();

    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<LogLine> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, string>();
            var text = new List<string> { formatter(state, exception), exception?.ToString() ?? "" };
            owner.scopes.ForEachScope(
                (item, _) =>
                {
                    text.Add(item?.ToString() ?? "");
                    foreach (var (key, value) in item as IEnumerable<KeyValuePair<string, object?>> ?? [])
                    {
                        scope[key] = value?.ToString() ?? "";
                    }
                },
                (object?)null);
            foreach (var (key, value) in state as IEnumerable<KeyValuePair<string, object?>> ?? [])
            {
                text.Add($"{key}={value}");
            }

            owner.lines.Enqueue(new LogLine(category, logLevel, text[0], scope, string.Join('\n', text.Concat(scope.Values))));
        }
    }
}

/// <summary>A line as a log reader would see it: <see cref="Text"/> holds its message, exception, scopes and values.</summary>
public sealed record LogLine(string Category, Microsoft.Extensions.Logging.LogLevel Level, string Message, IReadOnlyDictionary<string, string> Scope, string Text)
{
    /// <summary>Written while a request was handled: ASP.NET Core's own scope names the request.</summary>
    public bool InRequest => Scope.ContainsKey("RequestId");

    public string? CorrelationId => Scope.GetValueOrDefault("CorrelationId");
}
