using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace Sanatorium.Web.Site;

/// <summary>
/// <c>ForwardedHeaders:*</c>: the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
/// the site believes (docs/decisions/0031-deployment.md). Behind one of them the rate limits and the keyed
/// address hashes see the visitor's address, and <c>Request.IsHttps</c> what the visitor used; the same
/// headers from anyone else are ignored. With neither list set only loopback is believed (a proxy on the
/// same host), as ASP.NET Core does by default. The Host header is never taken from a proxy: no link is
/// built from it, every absolute link comes from <c>Site:BaseUrl</c>.
/// </summary>
public sealed class TrustedProxies : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of proxies, for example 172.30.89.10.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in CIDR notation, for example 172.30.89.0/24.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Binds and validates the lists at start; the forwarded headers middleware reads them.</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.AddOptions<TrustedProxies>().BindConfiguration(Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxies>>((options, trusted) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Every trusted proxy of a chain is unwrapped; the first address that is not one of them is
            // the visitor's, whatever the visitor wrote in front of it.
            options.ForwardLimit = null;
            var proxies = trusted.Value.KnownProxies.Select(IPAddress.Parse).ToList();
            var networks = trusted.Value.KnownNetworks.Select(IPNetwork.Parse).ToList();
            if (proxies.Count + networks.Count > 0)
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                proxies.ForEach(options.KnownProxies.Add);
                networks.ForEach(options.KnownIPNetworks.Add);
            }
        });
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(KnownProxies[i], out _))
            {
                yield return Malformed(nameof(KnownProxies), i, KnownProxies[i], "an IP address (for example 172.30.89.10)");
            }
        }

        for (var i = 0; i < KnownNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(KnownNetworks[i], out _))
            {
                yield return Malformed(nameof(KnownNetworks), i, KnownNetworks[i], "a network in CIDR notation (for example 172.30.89.0/24)");
            }
        }
    }

    private static ValidationResult Malformed(string list, int index, string value, string expected) =>
        new($"{Section}:{list}:{index} is '{value}', which is not {expected}.", [list]);
}
