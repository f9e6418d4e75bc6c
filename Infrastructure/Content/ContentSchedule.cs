using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sanatorium.Core;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Infrastructure.Content;

/// <summary>
/// Drafts set to go live at a time (docs/decisions/0028-scheduled-publishing.md): an editor schedules the
/// newest revision of a piece of content, exactly as saved; <see cref="ScheduledPublisher"/> publishes it
/// when it is due through <see cref="ContentEditor"/>'s publish path. Saving a newer draft cancels the
/// schedule (<see cref="ContentEditor.SaveAsync(ContentKind, int?, DraftSubmission, string, CancellationToken)"/>).
/// </summary>
public sealed class ContentSchedule(SanatoriumDbContext db, ContentEditor editor, AuditLog audit, TimeProvider time)
{
    /// <summary>Who the audit log names for what the scheduler publishes; the details name the editor who scheduled it.</summary>
    public const string Scheduler = "scheduler";

    public Task<ScheduledPublication?> FindAsync(ContentKind kind, int id, CancellationToken cancellationToken) =>
        db.ScheduledPublications.AsNoTracking().SingleOrDefaultAsync(s => s.Kind == kind && s.EntityId == id, cancellationToken);

    /// <summary>The scheduled publications of one kind, by the id of their piece of content.</summary>
    public Task<Dictionary<int, ScheduledPublication>> OfKindAsync(ContentKind kind, CancellationToken cancellationToken) =>
        db.ScheduledPublications.AsNoTracking().Where(s => s.Kind == kind).ToDictionaryAsync(s => s.EntityId, cancellationToken);

    /// <summary>Every scheduled publication, soonest first, with the title of the revision it publishes.</summary>
    public async Task<List<(ScheduledPublication Schedule, string Title)>> AllAsync(CancellationToken cancellationToken)
    {
        var rows = await (
            from s in db.ScheduledPublications.AsNoTracking()
            join r in db.ContentRevisions on new { s.Kind, s.EntityId, Number = s.Revision } equals new { r.Kind, r.EntityId, r.Number }
            orderby s.PublishAt, s.Id
            select new { Schedule = s, r.Data })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Schedule, Draft.FromJson(r.Data).Title() ?? $"#{r.Schedule.EntityId}")).ToList();
    }

    /// <summary>
    /// Sets revision <paramref name="revision"/> of a piece of content to be published at <paramref name="at"/>,
    /// in place of any earlier schedule of it. It must be the newest revision (the one the editor saw) and
    /// differ from what visitors see.
    /// </summary>
    public async Task<ScheduleOutcome> ScheduleAsync(ContentKind kind, int id, int revision, DateTimeOffset at, string author, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (at <= now)
        {
            return ScheduleOutcome.InPast;
        }

        if (await editor.FindAsync(kind, id, cancellationToken) is not { } entity)
        {
            return ScheduleOutcome.NotFound;
        }

        var latest = await editor.LatestAsync(kind, id, cancellationToken);
        if (latest is null || latest.Draft.SameAs(entity.ToDraft()))
        {
            return ScheduleOutcome.NothingToPublish;
        }

        if (latest.Number != revision)
        {
            return ScheduleOutcome.Stale;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var kindName = kind.ToString();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "ScheduledPublications" ("Kind", "EntityId", "Revision", "PublishAt", "ScheduledBy", "ScheduledAt")
            VALUES ({kindName}, {id}, {revision}, {at}, {author}, {now})
            ON CONFLICT ("Kind", "EntityId") DO UPDATE SET
                "Revision" = excluded."Revision", "PublishAt" = excluded."PublishAt",
                "ScheduledBy" = excluded."ScheduledBy", "ScheduledAt" = excluded."ScheduledAt"
            """,
            cancellationToken);
        audit.Record(author, AuditActions.ContentScheduled, ContentEditor.Target(kind, id, latest.Draft), $"revision {revision} at {ResortClock.Format(at)}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ScheduleOutcome.Scheduled;
    }

    /// <summary>Cancels the piece's scheduled publication; false when nothing was scheduled (or it was just published).</summary>
    public async Task<bool> UnscheduleAsync(ContentKind kind, int id, string author, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await editor.CancelScheduleAsync(kind, id, cancellationToken) is not { } cancelled)
        {
            return false;
        }

        var title = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == kind && r.EntityId == id && r.Number == cancelled.Revision)
            .Select(r => r.Data)
            .SingleAsync(cancellationToken);
        audit.Record(author, AuditActions.ContentUnscheduled, ContentEditor.Target(kind, id, Draft.FromJson(title)), $"revision {cancelled.Revision} at {ResortClock.Format(cancelled.PublishAt)}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>When the next scheduled publication is due; null when nothing is scheduled.</summary>
    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        db.ScheduledPublications.MinAsync(s => (DateTimeOffset?)s.PublishAt, cancellationToken);

    /// <summary>
    /// Publishes one due schedule, if there is one no other instance is publishing: its row is claimed with
    /// <c>FOR UPDATE SKIP LOCKED</c> and deleted in the same transaction as the publication, so it is
    /// published once, and again after a crash only if the first attempt was not committed. A schedule that
    /// can no longer be published (a newer draft, an address another page took) is dropped with an audit
    /// entry saying why. False when nothing was due.
    /// </summary>
    public async Task<bool> PublishNextDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.ScheduledPublications
            .FromSql(
                $"""
                SELECT * FROM "ScheduledPublications" WHERE "PublishAt" <= {now}
                ORDER BY "PublishAt", "Id" LIMIT 1 FOR UPDATE SKIP LOCKED
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (claimed.SingleOrDefault() is not { } due)
        {
            return false;
        }

        await db.ScheduledPublications.Where(s => s.Id == due.Id).ExecuteDeleteAsync(cancellationToken);
        await PublishAsync(due, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another page was published at the same address in the same instant: the next attempt finds it taken and says so.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return true;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task PublishAsync(ScheduledPublication due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var scheduledBy = $"revision {due.Revision}, scheduled by {due.ScheduledBy}";
        var entity = await editor.FindAsync(due.Kind, due.EntityId, cancellationToken);
        var latest = await editor.LatestAsync(due.Kind, due.EntityId, cancellationToken);
        if (entity is null || latest is null)
        {
            audit.Record(Scheduler, AuditActions.ContentScheduleFailed, $"{due.Kind} {due.EntityId}", $"{scheduledBy}: the content no longer exists");
            return;
        }

        var draft = latest.Draft;
        var target = ContentEditor.Target(due.Kind, due.EntityId, draft);
        if (latest.Number != due.Revision)
        {
            audit.Record(Scheduler, AuditActions.ContentScheduleFailed, target, $"{scheduledBy}: revision {latest.Number} was saved since");
        }
        else if (await editor.TakenSlugsAsync(due.Kind, due.EntityId, draft, cancellationToken) is { Count: > 0 } taken)
        {
            audit.Record(Scheduler, AuditActions.ContentScheduleFailed, target, $"{scheduledBy}: the address is another page's ({string.Join(", ", taken.Select(l => l.Code()))})");
        }
        else
        {
            await editor.PublishAsync(entity, draft, now, Scheduler, scheduledBy, cancellationToken);
        }
    }
}

public enum ScheduleOutcome
{
    Scheduled,
    NotFound,

    /// <summary>The time is not in the future.</summary>
    InPast,

    /// <summary>The newest revision is what visitors see already (or there is none).</summary>
    NothingToPublish,

    /// <summary>A newer revision was saved than the one the editor asked for.</summary>
    Stale,
}
