namespace Sanatorium.Core.Content;

/// <summary>A piece of content that exists in several languages, at most one translation each.</summary>
public abstract class TranslatedEntity<TTranslation>
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

    public TTranslation? PublishedIn(Language language, DateTimeOffset now) =>
        Find(language) is { } t && t.IsPublishedAt(now) ? t : null;

    /// <summary>Makes every translation visible to visitors from <paramref name="at"/> on.</summary>
    public void PublishAll(DateTimeOffset at)
    {
        foreach (var translation in translations)
        {
            translation.Publish(at);
        }
    }

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
