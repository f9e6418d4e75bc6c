using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.OutputCaching;

namespace Sanatorium.Web.Site.Vision;

/// <summary>What the header's toggle and the settings panel need to know besides the settings.</summary>
public static class VisionPanel
{
    /// <summary>The panel's id: after a change the visitor lands on it, so the next Tab stays in the panel.</summary>
    public const string Id = "vision-panel";

    /// <summary>
    /// The address the visitor is looking at, to come back to after a change; for a page shown by the
    /// status-code pages (404), the address that was asked for. Its path is percent-encoded, as the
    /// request's own is: the feature keeps it decoded (/лечение). A page from the output cache is one copy
    /// for every query string (the cache key leaves it out), so it leads back to its path alone.
    /// </summary>
    public static string ReturnUrl(HttpContext context)
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is { } original)
        {
            return new PathString(original.OriginalPathBase) + new PathString(original.OriginalPath) + new QueryString(original.OriginalQueryString);
        }

        var request = context.Request;
        var path = request.PathBase + request.Path;
        return context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is null
            ? path + request.QueryString
            : path.ToString();
    }
}
