using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sanatorium.Web.Tests.Hostile;

/// <summary>The hostile site served by Kestrel on a loopback port, for what only a real server does: body limits, request parsing, its own headers.</summary>
public sealed class KestrelHostileSite : HostileSite
{
    public KestrelHostileSite() => UseKestrel(0);

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address => field ??= new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
        .Select(address => address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"))
        .First());

    /// <summary>Over a socket, the cookies and redirects left to the session as on the test server (the factory's own client follows redirects).</summary>
    protected override HttpClient NewClient(CookieContainerHandler cookies)
    {
        cookies.InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
        return new HttpClient(cookies) { BaseAddress = Address };
    }
}
