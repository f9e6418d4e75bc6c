namespace Sanatorium.Core.Content;

/// <summary>One treatment programme, described in each language in the sections of the client's pages.</summary>
public sealed class Treatment : TranslatedEntity<TreatmentTranslation>
{
    private Treatment()
    {
    }

    public Treatment(string key, Profile profile, int sortOrder)
    {
        Key = key;
        Profile = profile;
        SortOrder = sortOrder;
    }

    public int ProfileId { get; private set; }

    public Profile Profile { get; private set; } = null!;
}

/// <summary>A treatment page in one language. Every section is Markdown.</summary>
public sealed class TreatmentTranslation : Translation
{
    private TreatmentTranslation()
    {
    }

    public TreatmentTranslation(Language language, string slug, string title)
    {
        Language = language;
        Slug = slug;
        Title = title;
    }

    public int TreatmentId { get; private set; }

    /// <summary>The short opening paragraph: what the condition is.</summary>
    public string Lead { get; set; } = "";

    public string Description { get; set; } = "";

    public string Procedures { get; set; } = "";

    /// <summary>A Markdown list; its last item links to the general contraindications page.</summary>
    public string Contraindications { get; set; } = "";

    public string Results { get; set; } = "";

    public string Consequences { get; set; } = "";
}
