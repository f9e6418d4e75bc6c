using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Infrastructure.Caching;

/// <summary>
/// Says that what public pages show has changed (content published or unpublished, contacts, prices,
/// operator details): every instance empties its <see cref="PublicCache"/>. The NOTIFY goes out on the
/// context's connection, so inside a transaction it is delivered when the transaction commits and not at
/// all when it rolls back; after a save that committed on its own it goes out at once. This instance
/// empties its cache now as well, so that the editor's next page shows the change without waiting for
/// its own notification; the notification empties it once more after the commit, in case a page was
/// rendered from the old rows in between (docs/decisions/0029-output-cache.md).
/// </summary>
public sealed class SiteChanges(SanatoriumDbContext db, PublicCache cache)
{
    /// <summary>The PostgreSQL channel <see cref="SiteChangeListener"/> listens on.</summary>
    public const string Channel = "site_changes";

    public async Task NotifyAsync(CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, '')", cancellationToken);
        await cache.EvictAsync(cancellationToken);
    }
}
