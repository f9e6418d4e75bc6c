using Microsoft.Net.Http.Headers;

namespace Sanatorium.Web.Tests.Deployment;

/// <summary>
/// A cookie jar that keeps every <c>Set-Cookie</c> the site sent and returns the cookies whatever their
/// attributes, so that a site on an https address can be driven over the test server's plain http
/// (a browser would keep Secure cookies for https only) and its cookies' attributes checked afterwards.
/// </summary>
public sealed class RecordingCookieJar : DelegatingHandler
{
    private readonly Dictionary<string, string> cookies = [];

    public List<SetCookieHeaderValue> Received { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await base.SendAsync(request, cancellationToken);
        foreach (var cookie in SetCookieHeaderValue.ParseList(response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : []))
        {
            Received.Add(cookie);
            if (cookie.Expires < DateTimeOffset.UtcNow)
            {
                cookies.Remove(cookie.Name.Value!);
            }
            else
            {
                cookies[cookie.Name.Value!] = cookie.Value.Value!;
            }
        }

        return response;
    }
}
