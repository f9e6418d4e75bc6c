namespace Sanatorium.Core.Content;

/// <summary>A free-standing page such as the general contraindications.</summary>
public sealed class InfoPage : TranslatedEntity<InfoPageTranslation>
{
    public const string GeneralContraindications = "general-contraindications";

    private InfoPage()
    {
    }

    public InfoPage(string key, int sortOrder)
    {
        Key = key;
        SortOrder = sortOrder;
    }
}

public sealed class InfoPageTranslation : Translation
{
    private InfoPageTranslation()
    {
    }

    public InfoPageTranslation(Language language, string slug, string title)
    {
        Language = language;
        Slug = slug;
        Title = title;
    }

    public int InfoPageId { get; private set; }

    /// <summary>The page body in Markdown.</summary>
    public string Body { get; set; } = "";
}
