using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Sanatorium.Infrastructure.Email;

namespace Sanatorium.Web.Site.Observability;

/// <summary>
/// Logs and metrics (docs/decisions/0032-logs-and-metrics.md): JSON lines on the console outside
/// Development, with scopes (the correlation id, the worker) and UTC timestamps; metrics exported
/// over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class Observability
{
    /// <summary>The standard OpenTelemetry variable that names the collector.</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>What is exported: ASP.NET Core's and Npgsql's own meters, the runtime's, and the site's mail.</summary>
    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "System.Runtime",
        "Npgsql",
        OutboxGauges.MeterName,
    ];

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }

        // Without a collector nothing listens to the meters, and an instrument nobody listens to costs nothing.
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpoint]))
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("sanatorium-web"))
                .WithMetrics(metrics => metrics.AddMeter(Meters).AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>First in the pipeline: the correlation id; and the outbox gauges made, so that an exporter finds them.</summary>
    public static WebApplication UseObservability(this WebApplication app)
    {
        app.Services.GetRequiredService<OutboxGauges>();
        app.UseCorrelationId();
        return app;
    }
}
