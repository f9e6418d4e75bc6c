using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Operations;

/// <summary>
/// The site with its log lines kept (<see cref="Logs"/>), every visitor coming from <see cref="VisitorAddress"/>,
/// and a page that fails (500) when the request has the header <see cref="FailureHeader"/>.
/// </summary>
public class LoggingSite : SiteFactory
{
    public const string FailureHeader = "X-Test-Failure";

    /// <summary>Logged, by the page about to fail, while it handles the request.</summary>
    public const string BeforeFailure = "The test's page is about to fail.";

    public static readonly IPAddress VisitorAddress = IPAddress.Parse("203.0.113.77");

    public CapturedLogs Logs { get; } = new();

    /// <summary>
    /// Without the output cache: a page asked to fail must run, not come from a copy an earlier request of
    /// the class left, and every request must write its lines.
    /// </summary>
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["OutputCache:Enabled"] = "false";
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, FromVisitorAddress>();
            services.Configure<MvcOptions>(options => options.Filters.Add(new FailWhenAsked()));
        });
    }

    private sealed class FromVisitorAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, then) =>
            {
                context.Connection.RemoteIpAddress = VisitorAddress;
                return then(context);
            });
            next(app);
        };
    }

    /// <summary>Throws on the page asked for, not on the error page that shows it.</summary>
    private sealed class FailWhenAsked : IResourceFilter
    {
        public void OnResourceExecuting(ResourceExecutingContext context)
        {
            var http = context.HttpContext;
            if (http.Request.Headers.ContainsKey(FailureHeader) && http.Features.Get<IExceptionHandlerFeature>() is null)
            {
                http.RequestServices.GetRequiredService<ILogger<LoggingSite>>().LogInformation(BeforeFailure);
                throw new InvalidOperationException("A failure the test asked for.");
            }
        }

        public void OnResourceExecuted(ResourceExecutedContext context)
        {
        }
    }
}
