namespace Sanatorium.Core.Content;

/// <summary>
/// What is specific to one kind of content: the fields editors fill in per language and those shared by
/// all languages, the entity and translation classes that keep them, how a new one is made and in what
/// order the back office lists them. Every kind is described in <see cref="ContentKinds"/>; drafts, the
/// editor and its queries read the description instead of asking which kind they have.
/// </summary>
public abstract class ContentKindDescription
{
    public required ContentKind Kind { get; init; }

    /// <summary>The per-language fields, in the order an editor fills them in; each has a limit (<see cref="ContentFields.MaxLength"/>).</summary>
    public required IReadOnlyList<string> Fields { get; init; }

    /// <summary>The fields shared by all languages; nothing else is kept in a draft.</summary>
    public required IReadOnlyList<string> SharedFields { get; init; }

    /// <summary>The translation's property that holds the id of its piece of content (its foreign key).</summary>
    public required string OwnerKey { get; init; }

    /// <summary>Belongs to a profile (<see cref="ContentFields.ProfileId"/>).</summary>
    public bool HasProfile => SharedFields.Contains(ContentFields.ProfileId);

    /// <summary>Runs from a first to a last day (<see cref="ContentFields.StartsOn"/>, <see cref="ContentFields.EndsOn"/>).</summary>
    public bool HasDates => SharedFields.Contains(ContentFields.StartsOn);

    /// <summary>May have a picture (<see cref="ContentFields.ImageId"/>), described in each language.</summary>
    public bool HasPicture => SharedFields.Contains(ContentFields.ImageId);

    public abstract Type EntityType { get; }

    public abstract Type TranslationType { get; }

    /// <summary>A new piece of content of this kind, not stored yet; the editor's shared fields are written to it next.</summary>
    public abstract IContentEntity Create(string key);
}

/// <inheritdoc />
public sealed class ContentKindDescription<TEntity, TTranslation>(Func<string, TEntity> create) : ContentKindDescription
    where TEntity : TranslatedEntity<TTranslation>
    where TTranslation : Translation
{
    /// <summary>The order of the back office list; by sort order unless the kind says otherwise.</summary>
    public Func<IQueryable<TEntity>, IOrderedQueryable<TEntity>> ListOrder { get; init; } = entities => entities.OrderBy(e => e.SortOrder);

    public override Type EntityType => typeof(TEntity);

    public override Type TranslationType => typeof(TTranslation);

    public override TEntity Create(string key) => create(key);
}
