using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Sanatorium.Web.Tests.Deployment;

/// <summary>
/// Gives a request of the in-memory test server the peer address named in <paramref name="header"/>,
/// before the site's own pipeline, as a socket would (the test server has no peer address of its own).
/// </summary>
public sealed class PeerAddress(string header) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[header], out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
