using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace Sanatorium.Infrastructure.Caching;

/// <summary>
/// What this instance keeps of the public site: the output cache's pages (all tagged <see cref="Tag"/>) and
/// the memory cache entries that depend on <see cref="Token"/> (the contacts every page shows). One eviction
/// empties both; <see cref="SiteChanges"/> and <see cref="SiteChangeListener"/> call it on every instance
/// (docs/decisions/0029-output-cache.md).
/// </summary>
public sealed class PublicCache(IOutputCacheStore store) : IDisposable
{
    /// <summary>The one tag of every cached public page: any published change can show on any page (header, footer, cards).</summary>
    public const string Tag = "site";

    private CancellationTokenSource generation = new();

    /// <summary>Expires at the next eviction: for a memory cache entry a public page reads.</summary>
    public IChangeToken Token => new CancellationChangeToken(Volatile.Read(ref generation).Token);

    public async ValueTask EvictAsync(CancellationToken cancellationToken)
    {
        // A source that is only cancelled holds no timer: it needs no disposing.
        await Interlocked.Exchange(ref generation, new CancellationTokenSource()).CancelAsync();
        await store.EvictByTagAsync(Tag, cancellationToken);
    }

    public void Dispose() => generation.Dispose();
}
