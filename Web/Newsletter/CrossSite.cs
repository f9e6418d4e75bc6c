using Sanatorium.Infrastructure.Options;

namespace Sanatorium.Web.Newsletter;

/// <summary>
/// Where a form submission came from, as the browser says: the newsletter form carries no antiforgery
/// token, so a POST that a browser marks as sent from another site (<c>Sec-Fetch-Site: cross-site</c>,
/// or an <c>Origin</c> of another host) is refused (docs/decisions/0019-newsletter-subscription.md).
/// </summary>
public static class CrossSite
{
    public static bool IsCrossSite(HttpRequest request, SiteOptions site)
    {
        if (string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && !IsOurs(origin, request, site);
    }

    /// <summary>The path of the page the form was sent from, when the Referer names a page of this site; otherwise null.</summary>
    public static string? RefererPath(HttpRequest request, SiteOptions site) =>
        request.Headers.Referer.ToString() is { Length: > 0 } referer && IsOurs(referer, request, site)
            ? new Uri(referer).AbsolutePath
            : null;

    private static bool IsOurs(string address, HttpRequest request, SiteOptions site) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && (string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(uri.Authority, new Uri(site.BaseUrl).Authority, StringComparison.OrdinalIgnoreCase));
}
