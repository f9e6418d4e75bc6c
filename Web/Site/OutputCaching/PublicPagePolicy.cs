using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Sanatorium.Infrastructure.Caching;
using Sanatorium.Web.Site.Vision;

namespace Sanatorium.Web.Site.OutputCaching;

/// <summary>
/// How a public page is kept in the output cache (docs/decisions/0029-output-cache.md): a GET or HEAD of an
/// anonymous visitor, answered 200 without a cookie, kept for <see cref="Lifetime"/> or until the site changes
/// (<see cref="PublicCache.Tag"/>). One copy per address (the language is in it) and per setting of the
/// version for the visually impaired as the site understands it, so an unreadable cookie is the normal
/// version's copy. The query string and the Host header are not in the key: no public page reads them, and
/// a visitor cannot make the cache grow by inventing them.
/// </summary>
public sealed class PublicPagePolicy : IOutputCachePolicy
{
    /// <summary>The name pages give in <c>[OutputCache(PolicyName = ...)]</c>.</summary>
    public const string Name = "PublicPage";

    /// <summary>
    /// How long a copy is kept when nothing is published: what changes with the date alone (a promotion that
    /// starts or ends, a price list, the enquiry form's first day) shows within this.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public static PublicPagePolicy Instance { get; } = new();

    private PublicPagePolicy()
    {
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && StringValues.IsNullOrEmpty(request.Headers.Authorization)
            && http.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.Tags.Add(PublicCache.Tag);
        context.CacheVaryByRules.VaryByHost = false;
        var vision = http.Vision();
        context.CacheVaryByRules.VaryByValues["vision"] = vision.IsOn ? vision.Format() : "off";
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode != StatusCodes.Status200OK
            || !StringValues.IsNullOrEmpty(http.Response.Headers.SetCookie)
            || http.User.Identity?.IsAuthenticated == true)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
