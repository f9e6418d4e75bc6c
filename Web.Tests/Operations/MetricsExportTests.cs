using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Sanatorium.Web.Site.Observability;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Operations;

/// <summary>Metrics leave the site over OTLP only when a collector is named; without one, nothing collects them.</summary>
public sealed class MetricsExportTests
{
    [Theory]
    [InlineData("", false)]
    [InlineData("http://127.0.0.1:4317", true)]
    public async Task Metrics_are_collected_only_when_an_otlp_endpoint_is_set(string endpoint, bool collected)
    {
        var site = new CollectorSite(endpoint);
        await site.InitializeAsync();
        try
        {
            Assert.Equal(collected, site.Services.GetService<MeterProvider>() is not null);
        }
        finally
        {
            await site.DropDatabaseAsync();
        }
    }

    /// <summary>The variable as the environment gives it: known while the program sets its services up.</summary>
    private sealed class CollectorSite(string endpoint) : InstanceSite
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(Observability.OtlpEndpoint, endpoint);
        }
    }
}
