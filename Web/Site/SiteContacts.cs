using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Web.Site;

/// <summary>
/// The contact details every page shows, read once a minute rather than on every page; the back
/// office forgets them on save, so this instance shows a change at once and the others within a minute.
/// </summary>
public sealed class SiteContacts(SanatoriumDbContext db, IMemoryCache cache)
{
    private const string CacheKey = "contact-details";

    public Task<ContactDetails?> GetAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(CacheKey, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return db.ContactDetails.AsNoTracking().FirstOrDefaultAsync(c => c.Id == ContactDetails.SingleId, cancellationToken);
        });

    public void Forget() => cache.Remove(CacheKey);
}
