using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Infrastructure.Content;

/// <summary>
/// The queries the editor and the redirects need on the tables of one kind of content, written once for
/// every kind: the entity and translation types come from the kind's <see cref="ContentKindDescription"/>.
/// </summary>
internal abstract class ContentSet
{
    public static ContentSet For(SanatoriumDbContext db, ContentKind kind)
    {
        var description = kind.Describe();

        // The one place where a kind known at run time becomes the entity types EF's generic calls need.
        var type = typeof(ContentSet<,>).MakeGenericType(description.EntityType, description.TranslationType);
        return (ContentSet)Activator.CreateInstance(type, db, description)!;
    }

    /// <summary>The piece of content with its translations, tracked for changes; null when there is none.</summary>
    public abstract Task<IContentEntity?> FindAsync(int id, CancellationToken cancellationToken);

    /// <summary>Every piece of content of the kind, with its translations, in the order of the back office list.</summary>
    public abstract Task<List<IContentEntity>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The pieces of content with these ids, with their translations, untracked.</summary>
    public abstract Task<List<IContentEntity>> ListAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    /// <summary>Adds a new piece of content with the editor's shared fields; it is stored with the next save.</summary>
    public abstract IContentEntity Add(string key, IReadOnlyDictionary<string, string> shared);

    /// <summary>The id of the piece of content whose translation in <paramref name="language"/> has <paramref name="slug"/>, or null.</summary>
    public abstract Task<int?> OwnerAsync(Language language, string slug, CancellationToken cancellationToken);

    /// <summary>The slug of piece <paramref name="id"/> in <paramref name="language"/> if visitors may see it at <paramref name="now"/>, or null.</summary>
    public abstract Task<string?> PublishedSlugAsync(int id, Language language, DateTimeOffset now, CancellationToken cancellationToken);
}

internal sealed class ContentSet<TEntity, TTranslation>(SanatoriumDbContext db, ContentKindDescription<TEntity, TTranslation> kind)
    : ContentSet
    where TEntity : TranslatedEntity<TTranslation>
    where TTranslation : Translation
{
    public override async Task<IContentEntity?> FindAsync(int id, CancellationToken cancellationToken) =>
        await db.Set<TEntity>().Include(e => e.Translations).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);

    public override async Task<List<IContentEntity>> ListAsync(CancellationToken cancellationToken) =>
        [.. await kind.ListOrder(db.Set<TEntity>().Include(e => e.Translations).AsNoTracking()).ToListAsync(cancellationToken)];

    public override async Task<List<IContentEntity>> ListAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        [.. await db.Set<TEntity>().Include(e => e.Translations).AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken)];

    public override IContentEntity Add(string key, IReadOnlyDictionary<string, string> shared)
    {
        var entity = kind.Create(key);
        entity.WriteShared(shared);
        return db.Set<TEntity>().Add(entity).Entity;
    }

    public override Task<int?> OwnerAsync(Language language, string slug, CancellationToken cancellationToken) =>
        db.Set<TTranslation>()
            .Where(t => t.Language == language && t.Slug == slug)
            .Select(t => (int?)EF.Property<int>(t, kind.OwnerKey))
            .FirstOrDefaultAsync(cancellationToken);

    public override Task<string?> PublishedSlugAsync(int id, Language language, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Set<TTranslation>().Published(now)
            .Where(t => EF.Property<int>(t, kind.OwnerKey) == id && t.Language == language)
            .Select(t => t.Slug)
            .FirstOrDefaultAsync(cancellationToken);
}
