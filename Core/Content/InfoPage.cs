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

    public override ContentKind Kind => ContentKind.InfoPage;

    protected override InfoPageTranslation NewTranslation(Language language, string slug, string title) =>
        new(language, slug, title);
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

    public override Dictionary<string, string> ReadFields()
    {
        var fields = base.ReadFields();
        fields[ContentFields.Body] = Body;
        return fields;
    }

    public override void WriteFields(IReadOnlyDictionary<string, string> fields)
    {
        base.WriteFields(fields);
        Body = fields.GetValueOrDefault(ContentFields.Body, Body);
    }
}
