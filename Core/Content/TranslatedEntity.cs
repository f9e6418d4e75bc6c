namespace Sanatorium.Core.Content;

/// <summary>A piece of content that exists in several languages, at most one translation each.</summary>
public abstract class TranslatedEntity<TTranslation> : IContentEntity
    where TTranslation : Translation
{
    private readonly List<TTranslation> translations = [];

    public int Id { get; private set; }

    /// <summary>A stable name that does not change when editors rename slugs (seed data uses it).</summary>
    public string Key { get; protected init; } = "";

    public int SortOrder { get; set; }

    public IReadOnlyCollection<TTranslation> Translations => translations;

    public TTranslation? Find(Language language) =>
        translations.FirstOrDefault(t => t.Language == language);

    /// <summary>Makes every translation visible to visitors from <paramref name="at"/> on.</summary>
    public void PublishAll(DateTimeOffset at)
    {
        foreach (var translation in translations)
        {
            translation.Publish(at);
        }
    }

    public abstract ContentKind Kind { get; }

    IEnumerable<Translation> IContentEntity.Translations => translations;

    Translation? IContentEntity.Find(Language language) => Find(language);

    /// <summary>The fields shared by every language.</summary>
    public virtual Dictionary<string, string> ReadShared() => new()
    {
        [ContentFields.SortOrder] = SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public virtual void WriteShared(IReadOnlyDictionary<string, string> shared)
    {
        if (ContentFields.TryParseSortOrder(shared.GetValueOrDefault(ContentFields.SortOrder), out var order))
        {
            SortOrder = order;
        }
    }

    /// <summary>What visitors see now, as a draft an editor can start from.</summary>
    public Draft ToDraft() => new()
    {
        Shared = ReadShared(),
        Languages = translations.ToDictionary(t => t.Language, t => t.ReadFields()),
    };

    /// <summary>
    /// Makes the draft what visitors see, in every language it has a title in, from <paramref name="at"/>.
    /// Returns the slugs that changed, so that their old addresses can keep working.
    /// </summary>
    public IReadOnlyList<SlugChange> Publish(Draft draft, DateTimeOffset at)
    {
        WriteShared(draft.Shared);
        var changes = new List<SlugChange>();
        foreach (var language in Core.Languages.All.Where(draft.HasTranslation))
        {
            var fields = draft.Fields(language);
            var translation = Find(language);
            if (translation is null)
            {
                translation = AddTranslation(NewTranslation(language, fields[ContentFields.Slug], fields[ContentFields.Title]));
            }
            else if (translation.Slug != fields[ContentFields.Slug])
            {
                changes.Add(new SlugChange(language, translation.Slug, fields[ContentFields.Slug]));
            }

            translation.WriteFields(fields);
            if (translation.IsPublishedAt(at))
            {
                translation.Republish(at);
            }
            else
            {
                translation.Publish(at);
            }
        }

        return changes;
    }

    protected abstract TTranslation NewTranslation(Language language, string slug, string title);

    public TTranslation AddTranslation(TTranslation translation)
    {
        if (Find(translation.Language) is not null)
        {
            throw new InvalidOperationException(
                $"'{Key}' already has a {translation.Language.Code()} translation.");
        }

        translations.Add(translation);
        return translation;
    }
}
