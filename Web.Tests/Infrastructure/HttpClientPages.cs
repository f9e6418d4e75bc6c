using AngleSharp;
using AngleSharp.Dom;

namespace Sanatorium.Web.Tests.Infrastructure;

public static class HttpClientPages
{
    /// <summary>GETs a page and parses it as a browser would.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(
        this HttpClient client,
        string path)
    {
        var response = await client.GetAsync(path);
        return (response, await response.ParseAsync(new Uri(client.BaseAddress!, path)));
    }

    /// <summary>Parses the page a response carries (a form shown again with its errors, say).</summary>
    public static async Task<IDocument> ParseAsync(this HttpResponseMessage response, Uri? address = null)
    {
        var html = await response.Content.ReadAsStringAsync();
        address ??= response.RequestMessage!.RequestUri!;
        return await BrowsingContext.New(Configuration.Default)
            .OpenAsync(request => request.Content(html).Address(address));
    }
}
