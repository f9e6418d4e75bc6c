using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Caching;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Core.Audit;

namespace Sanatorium.Infrastructure.Content;

/// <summary>
/// Drafts, publishing and history for every kind of content. Saving adds a revision and never
/// changes what visitors see; publishing copies the newest revision to the live translations.
/// Every action is audited in the same transaction as the change.
/// </summary>
public sealed class ContentEditor(SanatoriumDbContext db, AuditLog audit, TimeProvider time, SiteChanges changes)
{
    public Task<IContentEntity?> FindAsync(ContentKind kind, int id, CancellationToken cancellationToken) =>
        ContentSet.For(db, kind).FindAsync(id, cancellationToken);

    /// <summary>Every piece of content of a kind, with its translations, for the back office lists.</summary>
    public Task<List<IContentEntity>> ListAsync(ContentKind kind, CancellationToken cancellationToken) =>
        ContentSet.For(db, kind).ListAsync(cancellationToken);

    /// <summary>The newest revision of each piece of content of a kind, by its id.</summary>
    public async Task<Dictionary<int, ContentRevision>> LatestOfKindAsync(ContentKind kind, CancellationToken cancellationToken) =>
        await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == kind && r.Number == db.ContentRevisions
                .Where(x => x.Kind == kind && x.EntityId == r.EntityId)
                .Max(x => x.Number))
            .ToDictionaryAsync(r => r.EntityId, cancellationToken);

    public Task<ContentRevision?> LatestAsync(ContentKind kind, int id, CancellationToken cancellationToken) =>
        db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == kind && r.EntityId == id)
            .OrderByDescending(r => r.Number)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Who saved each revision and when, newest first, without their text.</summary>
    public Task<List<RevisionSummary>> HistoryAsync(ContentKind kind, int id, CancellationToken cancellationToken) =>
        db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == kind && r.EntityId == id && r.Number != ContentRevision.PublishedBeforeEditing)
            .OrderByDescending(r => r.Number)
            .Select(r => new RevisionSummary(r.Number, r.CreatedAt, r.Author))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Revision <paramref name="number"/> and the text it was written over: the revision before it, which
    /// for revision 1 is what visitors saw before the first edit (an empty page for content created here).
    /// Null when there is no such revision.
    /// </summary>
    public async Task<RevisionChange?> ChangeAsync(ContentKind kind, int id, int number, CancellationToken cancellationToken)
    {
        if (number <= ContentRevision.PublishedBeforeEditing)
        {
            return null;
        }

        var data = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == kind && r.EntityId == id && (r.Number == number || r.Number == number - 1))
            .ToDictionaryAsync(r => r.Number, r => r.Data, cancellationToken);
        if (!data.TryGetValue(number, out var after))
        {
            return null;
        }

        return new RevisionChange(
            data.TryGetValue(number - 1, out var before) ? Draft.FromJson(before) : new Draft(),
            Draft.FromJson(after));
    }

    /// <summary>
    /// Saves the editor's draft as the next revision, and publishes it when asked, in one transaction:
    /// either all of it is stored (a new piece of content, its picture, the revision, the published
    /// translations, the audit entries) or nothing is.
    /// </summary>
    public Task<EditResult> SaveAsync(ContentKind kind, int? id, DraftSubmission submission, string author, CancellationToken cancellationToken) =>
        SaveAsync(kind, id, submission, author, AuditActions.ContentSaved, cancellationToken);

    /// <summary>Saves an old revision again as the newest draft; what visitors see does not change.</summary>
    public async Task<EditResult> RestoreAsync(ContentKind kind, int id, int number, string author, CancellationToken cancellationToken)
    {
        var old = await db.ContentRevisions.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Kind == kind && r.EntityId == id && r.Number == number, cancellationToken);
        var latest = await LatestAsync(kind, id, cancellationToken);
        if (old is null || latest is null)
        {
            return EditResult.NotFound;
        }

        return await SaveAsync(kind, id, new DraftSubmission(old.Draft, latest.Number), author, cancellationToken);
    }

    /// <summary>
    /// Saves what visitors see as the newest draft, on top of revision <paramref name="number"/>: the
    /// editor starts again from the published text, and the discarded revisions stay in the history.
    /// </summary>
    public async Task<EditResult> DiscardAsync(ContentKind kind, int id, int number, string author, CancellationToken cancellationToken)
    {
        var entity = await FindAsync(kind, id, cancellationToken);
        if (entity is null || !entity.Translations.Any())
        {
            return EditResult.NotFound;
        }

        return await SaveAsync(kind, id, new DraftSubmission(entity.ToDraft(), number), author, AuditActions.ContentDiscarded, cancellationToken);
    }

    public async Task<EditResult> UnpublishAsync(ContentKind kind, int id, Language language, string author, CancellationToken cancellationToken)
    {
        var entity = await FindAsync(kind, id, cancellationToken);
        if (entity?.Find(language) is not { } translation)
        {
            return EditResult.NotFound;
        }

        translation.Unpublish();
        audit.Record(author, AuditActions.ContentUnpublished, Target(kind, id, entity.ToDraft()), language.Code());
        await db.SaveChangesAsync(cancellationToken);
        await changes.NotifyAsync(cancellationToken);
        return EditResult.Saved(null);
    }

    private async Task<EditResult> SaveAsync(
        ContentKind kind,
        int? id,
        DraftSubmission submission,
        string author,
        string action,
        CancellationToken cancellationToken)
    {
        var draft = submission.Draft;
        var taken = await TakenSlugsAsync(kind, id, draft, cancellationToken);
        if (taken.Count > 0)
        {
            return EditResult.SlugTaken(taken);
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Added first: a new piece of content is stored with its shared fields, the picture among them.
        if (submission.Picture is { } picture)
        {
            db.MediaFiles.Add(picture);
        }

        IContentEntity entity;
        if (id is { } existing)
        {
            if (await FindAsync(kind, existing, cancellationToken) is not { } found)
            {
                return EditResult.NotFound;
            }

            entity = found;
            var latest = await LatestAsync(kind, existing, cancellationToken);
            if ((latest?.Number ?? 0) != submission.BaseNumber)
            {
                return EditResult.Conflict(latest);
            }

            if (latest is null)
            {
                // Nobody wrote what is published (the seed): it is kept without an author, for the history to compare with.
                db.ContentRevisions.Add(new ContentRevision(kind, existing, ContentRevision.PublishedBeforeEditing, now, "", entity.ToDraft()));
            }
        }
        else
        {
            // Stored now, for the revision and the audit entry to name its id.
            entity = ContentSet.For(db, kind).Add($"{kind.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}", draft.Shared);
            await db.SaveChangesAsync(cancellationToken);
            action = AuditActions.ContentCreated;
        }

        var revision = new ContentRevision(kind, entity.Id, submission.BaseNumber + 1, now, author, draft);
        db.ContentRevisions.Add(revision);
        audit.Record(author, action, Target(kind, entity.Id, draft), $"revision {revision.Number}");
        var cancelled = id is null ? null : await CancelScheduleAsync(kind, entity.Id, cancellationToken);
        if (cancelled is not null)
        {
            // A schedule publishes the revision it was made for, never one written after (docs/decisions/0028).
            audit.Record(author, AuditActions.ContentUnscheduled, Target(kind, entity.Id, draft), $"revision {revision.Number} saved over scheduled revision {cancelled.Revision}");
        }

        if (submission.Publish)
        {
            await PublishAsync(entity, draft, now, author, $"revision {revision.Number}", cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // In the same instant someone else saved this page, or published another at the same address.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            taken = await TakenSlugsAsync(kind, id, draft, cancellationToken);
            return taken.Count > 0
                ? EditResult.SlugTaken(taken)
                : EditResult.Conflict(await LatestAsync(kind, entity.Id, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return EditResult.Saved(revision) with { CancelledSchedule = cancelled };
    }

    /// <summary>
    /// Makes <paramref name="draft"/> what visitors see from <paramref name="now"/>: the live translations, the
    /// redirects from changed slugs, the audit entry. The one publish path of editors and the scheduler; the
    /// caller saves, in the transaction it opened: the cached public pages of every instance are emptied when it
    /// commits (<see cref="SiteChanges"/>).
    /// </summary>
    internal async Task PublishAsync(IContentEntity entity, Draft draft, DateTimeOffset now, string user, string details, CancellationToken cancellationToken)
    {
        var renamed = entity.Publish(draft, now);
        await UpdateRedirectsAsync(entity, renamed, cancellationToken);
        audit.Record(user, AuditActions.ContentPublished, Target(entity.Kind, entity.Id, draft), details);
        await changes.NotifyAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes the piece's scheduled publication and returns it; null when there was none. Waits for a
    /// scheduler that is publishing it (its row is locked), and then finds nothing: it was published.
    /// </summary>
    internal async Task<ScheduledPublication?> CancelScheduleAsync(ContentKind kind, int id, CancellationToken cancellationToken)
    {
        var kindName = kind.ToString();
        var deleted = await db.ScheduledPublications
            .FromSql($"""DELETE FROM "ScheduledPublications" WHERE "Kind" = {kindName} AND "EntityId" = {id} RETURNING *""")
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return deleted.SingleOrDefault();
    }

    /// <summary>
    /// The newest revision of every piece of content that differs from what visitors see, newest first:
    /// the drafts in progress. One query for the revisions and one per kind that has any.
    /// </summary>
    public async Task<List<ContentRevision>> DraftsInProgressAsync(CancellationToken cancellationToken)
    {
        var newest = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Number == db.ContentRevisions
                .Where(x => x.Kind == r.Kind && x.EntityId == r.EntityId)
                .Max(x => x.Number))
            .ToListAsync(cancellationToken);
        var drafts = new List<ContentRevision>();
        foreach (var kind in newest.GroupBy(r => r.Kind))
        {
            var live = (await ContentSet.For(db, kind.Key).ListAsync(kind.Select(r => r.EntityId).ToList(), cancellationToken))
                .ToDictionary(e => e.Id);
            drafts.AddRange(kind.Where(r => live.TryGetValue(r.EntityId, out var entity) && !r.Draft.SameAs(entity.ToDraft())));
        }

        return drafts.OrderByDescending(r => r.CreatedAt).ToList();
    }

    /// <summary>The languages whose slug in <paramref name="draft"/> is already another page's.</summary>
    internal async Task<List<Language>> TakenSlugsAsync(ContentKind kind, int? id, Draft draft, CancellationToken cancellationToken)
    {
        var (set, taken) = (ContentSet.For(db, kind), new List<Language>());
        foreach (var language in Languages.All.Where(draft.HasTranslation))
        {
            var owner = await set.OwnerAsync(language, draft.Fields(language).GetValueOrDefault(ContentFields.Slug, ""), cancellationToken);
            if (owner is not null && owner != id)
            {
                taken.Add(language);
            }
        }

        return taken;
    }

    /// <summary>
    /// After publishing: each changed slug's old address leads to the page (301), and the addresses the
    /// page has now lead nowhere else, even if another page had them before.
    /// </summary>
    private async Task UpdateRedirectsAsync(IContentEntity entity, IReadOnlyList<SlugChange> changes, CancellationToken cancellationToken)
    {
        var names = entity.Translations.Select(t => (t.Language, t.Slug))
            .Concat(changes.Select(c => (c.Language, Slug: c.OldSlug)))
            .ToList();
        var slugs = names.Select(n => n.Slug).ToList();
        var stale = await db.SlugRedirects
            .Where(r => r.Kind == entity.Kind && slugs.Contains(r.OldSlug))
            .ToListAsync(cancellationToken);
        db.SlugRedirects.RemoveRange(stale.Where(r => names.Contains((r.Language, r.OldSlug))));
        db.SlugRedirects.AddRange(changes.Select(c => new SlugRedirect(entity.Kind, c.Language, c.OldSlug, entity.Id)));
    }

    /// <summary>How the audit log names a piece of content: "{kind} {id}: {title}" (the dashboard links it back).</summary>
    public static string Target(ContentKind kind, int id, Draft draft) =>
        $"{kind} {id}: {draft.Fields(Language.Ru).GetValueOrDefault(ContentFields.Title) ?? draft.Fields(Language.En).GetValueOrDefault(ContentFields.Title)}";
}

/// <summary>What an editor sends: the draft, the revision it was started from (0: the published page), whether to publish it at once, and a new picture.</summary>
public sealed record DraftSubmission(Draft Draft, int BaseNumber, bool Publish = false, MediaFile? Picture = null);

/// <summary>One line of the history: a revision without its text.</summary>
public sealed record RevisionSummary(int Number, DateTimeOffset CreatedAt, string Author);

/// <summary>A revision and the text it was written over.</summary>
public sealed record RevisionChange(Draft Before, Draft After);

/// <summary>How an edit went, and what the editor should be told.</summary>
public sealed record EditResult(EditOutcome Outcome, ContentRevision? Revision, IReadOnlyList<Language> Languages)
{
    /// <summary>The scheduled publication this save cancelled, for the editor to be told; null when there was none.</summary>
    public ScheduledPublication? CancelledSchedule { get; init; }

    public static EditResult NotFound { get; } = new(EditOutcome.NotFound, null, []);

    public static EditResult Saved(ContentRevision? revision) => new(EditOutcome.Saved, revision, []);

    /// <summary>Someone saved revision <paramref name="latest"/> since the editor started.</summary>
    public static EditResult Conflict(ContentRevision? latest) => new(EditOutcome.Conflict, latest, []);

    public static EditResult SlugTaken(IReadOnlyList<Language> languages) => new(EditOutcome.SlugTaken, null, languages);
}

public enum EditOutcome
{
    Saved,
    NotFound,
    Conflict,
    SlugTaken,
}
