using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Sanatorium.Web.Tests.Infrastructure;

/// <summary>
/// The whole site served by Kestrel on a loopback port, for what the in-memory test server does not
/// do as Kestrel does: request body limits, HEAD without a body, header checks (a Location that is not
/// ASCII), the Server header. Its visitors talk to it over a real socket.
/// </summary>
public sealed class KestrelSite : SiteFactory
{
    private readonly List<HttpClient> visitors = [];

    public KestrelSite() => UseKestrel(0);

    private Uri Address => field ??= new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
        .Select(address => address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"))
        .First());

    /// <summary>
    /// As a browser: cookies kept, redirects not followed. A request that asks for the server's go-ahead
    /// before its body (Expect: 100-continue, as curl sends a large upload) waits for it or for a refusal.
    /// </summary>
    public override HttpClient CreateVisitor()
    {
        var visitor = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, Expect100ContinueTimeout = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = Address,
        };
        visitors.Add(visitor);
        return visitor;
    }

    public override async ValueTask DisposeAsync()
    {
        visitors.ForEach(visitor => visitor.Dispose());
        await base.DisposeAsync();
    }
}
