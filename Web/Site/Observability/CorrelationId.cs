using System.Buffers;
using System.Diagnostics;
using Microsoft.Extensions.Primitives;

namespace Sanatorium.Web.Site.Observability;

/// <summary>
/// One id per request, in a logging scope around everything the site does for it, in the response's
/// <c>X-Correlation-Id</c> header and on the error pages, so that a visitor can quote it and staff
/// find every log line of that request. A caller's own <c>X-Correlation-Id</c> (a proxy's, another
/// service's) is kept when it is short and plain (letters, digits, dashes); otherwise the id is the
/// request's W3C trace id, which ASP.NET Core takes from a valid <c>traceparent</c> header or makes
/// anew. See docs/decisions/0032-logs-and-metrics.md.
/// </summary>
public static class CorrelationId
{
    public const string Header = "X-Correlation-Id";

    public const int MaxLength = 64;

    private static readonly object Key = new();

    private static readonly SearchValues<char> Plain =
        SearchValues.Create("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static readonly Func<ILogger, string, IDisposable?> Scope =
        LoggerMessage.DefineScope<string>("CorrelationId:{CorrelationId}");

    /// <summary>Must come first, so that the exception handler's log line is in the scope too.</summary>
    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CorrelationId).FullName!);
        return app.Use(async (context, next) =>
        {
            var id = Choose(context.Request.Headers[Header], Activity.Current);
            context.Items[Key] = id;

            // On starting, since the exception handler clears the headers set before it.
            context.Response.OnStarting(
                static state =>
                {
                    var http = (HttpContext)state;
                    http.Response.Headers[Header] = Of(http);
                    return Task.CompletedTask;
                },
                context);
            using (Scope(logger, id))
            {
                await next(context);
            }
        });
    }

    /// <summary>The id of the request being handled.</summary>
    public static string Of(HttpContext context) => context.Items[Key] as string ?? context.TraceIdentifier;

    /// <summary>The caller's id when it is one value, short and plain; else the trace id; else a new one.</summary>
    public static string Choose(StringValues given, Activity? activity)
    {
        if (given is [{ Length: > 0 and <= MaxLength } id] && !id.AsSpan().ContainsAnyExcept(Plain))
        {
            return id;
        }

        return activity is { IdFormat: ActivityIdFormat.W3C }
            ? activity.TraceId.ToHexString()
            : ActivityTraceId.CreateRandom().ToHexString();
    }
}
