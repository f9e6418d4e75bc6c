using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Infrastructure.Content;

/// <summary>
/// Drafts, publishing and history for every kind of content. Saving adds a revision and never
/// changes what visitors see; publishing copies the newest revision to the live translations.
/// Every action is audited in the same transaction as the change.
/// </summary>
public sealed class ContentEditor(SanatoriumDbContext db, AuditLog audit, TimeProvider time)
{
    public async Task<IContentEntity?> FindAsync(ContentKind kind, int id, CancellationToken cancellationToken) => kind switch
    {
        ContentKind.Treatment => await db.Treatments.Include(t => t.Translations)
            .SingleOrDefaultAsync(t => t.Id == id, cancellationToken),
        ContentKind.Profile => await db.Profiles.Include(p => p.Translations)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken),
        ContentKind.InfoPage => await db.InfoPages.Include(p => p.Translations)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken),
        ContentKind.Promotion => await db.Promotions.Include(p => p.Translations)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Every piece of content of a kind, with its translations, for the back office lists.</summary>
    public async Task<List<IContentEntity>> ListAsync(ContentKind kind, CancellationToken cancellationToken) => kind switch
    {
        ContentKind.Treatment => [.. await db.Treatments.Include(t => t.Translations).AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken)],
        ContentKind.Profile => [.. await db.Profiles.Include(p => p.Translations).AsNoTracking().OrderBy(p => p.SortOrder).ToListAsync(cancellationToken)],
        ContentKind.InfoPage => [.. await db.InfoPages.Include(p => p.Translations).AsNoTracking().OrderBy(p => p.SortOrder).ToListAsync(cancellationToken)],
        ContentKind.Promotion => [.. await db.Promotions.Include(p => p.Translations).AsNoTracking().OrderByDescending(p => p.StartsOn).ToListAsync(cancellationToken)],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

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

    public Task<List<ContentRevision>> HistoryAsync(ContentKind kind, int id, CancellationToken cancellationToken) =>
        db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == kind && r.EntityId == id)
            .OrderByDescending(r => r.Number)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Saves <paramref name="draft"/> as the next revision on top of revision <paramref name="baseNumber"/>
    /// (0 when the editor started from the published page). A new piece of content is created when
    /// <paramref name="id"/> is null; visitors see nothing of it until it is published.
    /// </summary>
    public async Task<EditResult> SaveAsync(
        ContentKind kind,
        int? id,
        Draft draft,
        int baseNumber,
        string author,
        CancellationToken cancellationToken)
    {
        var taken = await TakenSlugsAsync(kind, id, draft, cancellationToken);
        if (taken.Count > 0)
        {
            return EditResult.SlugTaken(taken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        int entityId;
        if (id is { } existing)
        {
            if (await FindAsync(kind, existing, cancellationToken) is null)
            {
                return EditResult.NotFound;
            }

            entityId = existing;
            var latest = await LatestAsync(kind, existing, cancellationToken);
            if ((latest?.Number ?? 0) != baseNumber)
            {
                return EditResult.Conflict(latest);
            }
        }
        else
        {
            entityId = await CreateAsync(kind, draft, cancellationToken);
        }

        var revision = new ContentRevision(kind, entityId, baseNumber + 1, time.GetUtcNow(), author, draft);
        db.ContentRevisions.Add(revision);
        audit.Record(author, id is null ? "content.created" : "content.saved", Target(kind, entityId, draft), $"revision {revision.Number}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return EditResult.Conflict(await LatestAsync(kind, entityId, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return EditResult.Saved(revision);
    }

    /// <summary>Makes revision <paramref name="number"/> what visitors see; refused when a newer revision exists.</summary>
    public async Task<EditResult> PublishAsync(ContentKind kind, int id, int number, string author, CancellationToken cancellationToken)
    {
        var entity = await FindAsync(kind, id, cancellationToken);
        var latest = await LatestAsync(kind, id, cancellationToken);
        if (entity is null || latest is null)
        {
            return EditResult.NotFound;
        }

        if (latest.Number != number)
        {
            return EditResult.Conflict(latest);
        }

        var draft = latest.Draft;
        var taken = await TakenSlugsAsync(kind, id, draft, cancellationToken);
        if (taken.Count > 0)
        {
            return EditResult.SlugTaken(taken);
        }

        foreach (var change in entity.Publish(draft, time.GetUtcNow()))
        {
            await KeepOldAddressAsync(kind, id, change, cancellationToken);
        }

        audit.Record(author, "content.published", Target(kind, id, draft), $"revision {number}");
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Saved(latest);
    }

    public async Task<EditResult> UnpublishAsync(ContentKind kind, int id, Language language, string author, CancellationToken cancellationToken)
    {
        var entity = await FindAsync(kind, id, cancellationToken);
        if (entity?.Find(language) is not { } translation)
        {
            return EditResult.NotFound;
        }

        translation.Unpublish();
        audit.Record(author, "content.unpublished", Target(kind, id, entity.ToDraft()), language.Code());
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Saved(null);
    }

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

        return await SaveAsync(kind, id, old.Draft, latest.Number, author, cancellationToken);
    }

    private async Task<int> CreateAsync(ContentKind kind, Draft draft, CancellationToken cancellationToken)
    {
        var key = $"{kind.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}";
        var order = int.TryParse(draft.Shared.GetValueOrDefault(ContentFields.SortOrder), out var o) ? o : 0;
        IContentEntity entity;
        switch (kind)
        {
            case ContentKind.Treatment:
                var profileId = int.Parse(draft.Shared[ContentFields.ProfileId], System.Globalization.CultureInfo.InvariantCulture);
                var profile = await db.Profiles.SingleAsync(p => p.Id == profileId, cancellationToken);
                entity = db.Treatments.Add(new Treatment(key, profile, order)).Entity;
                break;
            case ContentKind.Profile:
                entity = db.Profiles.Add(new Profile(key, order)).Entity;
                break;
            case ContentKind.InfoPage:
                entity = db.InfoPages.Add(new InfoPage(key, order)).Entity;
                break;
            case ContentKind.Promotion:
                ContentFields.TryParseDate(draft.Shared.GetValueOrDefault(ContentFields.StartsOn), out var starts);
                ContentFields.TryParseDate(draft.Shared.GetValueOrDefault(ContentFields.EndsOn), out var ends);
                entity = db.Promotions.Add(new Promotion(key, starts, ends)).Entity;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        await db.SaveChangesAsync(cancellationToken);
        return entity.Id;
    }

    /// <summary>The languages whose slug in <paramref name="draft"/> is already another page's.</summary>
    private async Task<List<Language>> TakenSlugsAsync(ContentKind kind, int? id, Draft draft, CancellationToken cancellationToken)
    {
        var taken = new List<Language>();
        foreach (var language in Languages.All.Where(draft.HasTranslation))
        {
            var slug = draft.Fields(language).GetValueOrDefault(ContentFields.Slug, "");
            var owner = kind switch
            {
                ContentKind.Treatment => await db.TreatmentTranslations
                    .Where(t => t.Language == language && t.Slug == slug).Select(t => (int?)t.TreatmentId).FirstOrDefaultAsync(cancellationToken),
                ContentKind.Profile => await db.ProfileTranslations
                    .Where(t => t.Language == language && t.Slug == slug).Select(t => (int?)t.ProfileId).FirstOrDefaultAsync(cancellationToken),
                ContentKind.InfoPage => await db.InfoPageTranslations
                    .Where(t => t.Language == language && t.Slug == slug).Select(t => (int?)t.InfoPageId).FirstOrDefaultAsync(cancellationToken),
                ContentKind.Promotion => await db.PromotionTranslations
                    .Where(t => t.Language == language && t.Slug == slug).Select(t => (int?)t.PromotionId).FirstOrDefaultAsync(cancellationToken),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
            };
            if (owner is not null && owner != id)
            {
                taken.Add(language);
            }
        }

        return taken;
    }

    private async Task KeepOldAddressAsync(ContentKind kind, int id, SlugChange change, CancellationToken cancellationToken)
    {
        var redirects = await db.SlugRedirects
            .Where(r => r.Kind == kind && r.Language == change.Language && (r.OldSlug == change.OldSlug || r.OldSlug == change.NewSlug))
            .ToListAsync(cancellationToken);
        db.SlugRedirects.RemoveRange(redirects);
        db.SlugRedirects.Add(new SlugRedirect(kind, change.Language, change.OldSlug, id));
    }

    private static string Target(ContentKind kind, int id, Draft draft) =>
        $"{kind} {id}: {draft.Fields(Language.Ru).GetValueOrDefault(ContentFields.Title) ?? draft.Fields(Language.En).GetValueOrDefault(ContentFields.Title)}";
}

/// <summary>How an edit went, and what the editor should be told.</summary>
public sealed record EditResult(EditOutcome Outcome, ContentRevision? Revision, IReadOnlyList<Language> Languages)
{
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
