using Sanatorium.Core.Audit;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Infrastructure.Audit;

/// <summary>
/// Records what staff do. The entry is added to the same unit of work as the change it describes,
/// so both are saved together or not at all; call SaveChanges as usual.
/// </summary>
public sealed class AuditLog(SanatoriumDbContext db, TimeProvider time)
{
    public void Record(string user, string action, string target, string details = "") =>
        db.AuditEntries.Add(new AuditEntry(time.GetUtcNow(), user, action, target, details));

    /// <summary>Records and saves at once, for actions that change nothing else in this context (a login, say).</summary>
    public async Task RecordNowAsync(string user, string action, string target, string details = "")
    {
        Record(user, action, target, details);
        await db.SaveChangesAsync();
    }
}
