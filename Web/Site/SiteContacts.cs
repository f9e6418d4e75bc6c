using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Caching;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Web.Site;

/// <summary>
/// The contact details every page shows, read once a minute rather than on every page; a save in the back
/// office empties them with the cached pages on every instance (<see cref="PublicCache"/>).
/// </summary>
public sealed class SiteContacts(SanatoriumDbContext db, IMemoryCache cache, PublicCache publicCache)
{
    private const string CacheKey = "contact-details";

    public Task<ContactDetails?> GetAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(CacheKey, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            entry.AddExpirationToken(publicCache.Token);
            return db.ContactDetails.AsNoTracking().FirstOrDefaultAsync(c => c.Id == ContactDetails.SingleId, cancellationToken);
        });
}
