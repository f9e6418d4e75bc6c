namespace Sanatorium.Core.Content;

/// <summary>A treatment profile: a group of diseases the resort treats (for example, the musculoskeletal system).</summary>
public sealed class Profile : TranslatedEntity<ProfileTranslation>
{
    private readonly List<Treatment> treatments = [];

    private Profile()
    {
    }

    public Profile(string key, int sortOrder)
    {
        Key = key;
        SortOrder = sortOrder;
    }

    public IReadOnlyCollection<Treatment> Treatments => treatments;

    public override ContentKind Kind => ContentKind.Profile;

    protected override ProfileTranslation NewTranslation(Language language, string slug, string title) =>
        new(language, slug, title);
}

public sealed class ProfileTranslation : Translation
{
    private ProfileTranslation()
    {
    }

    public ProfileTranslation(Language language, string slug, string title)
    {
        Language = language;
        Slug = slug;
        Title = title;
    }

    public int ProfileId { get; private set; }

    /// <summary>Markdown introduction shown above the profile's list of treatments.</summary>
    public string Summary { get; set; } = "";

    public override Dictionary<string, string> ReadFields()
    {
        var fields = base.ReadFields();
        fields[ContentFields.Summary] = Summary;
        return fields;
    }

    public override void WriteFields(IReadOnlyDictionary<string, string> fields)
    {
        base.WriteFields(fields);
        Summary = fields.GetValueOrDefault(ContentFields.Summary, Summary);
    }
}
