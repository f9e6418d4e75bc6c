namespace Sanatorium.Core.Content;

/// <summary>One treatment programme, described in each language in the sections of the client's pages.</summary>
public sealed class Treatment : TranslatedEntity<TreatmentTranslation>
{
    private Treatment()
    {
    }

    /// <summary>A treatment made in the back office: its profile and sort order are the editor's shared fields, written next.</summary>
    public Treatment(string key)
    {
        Key = key;
    }

    public Treatment(string key, Profile profile, int sortOrder)
    {
        Key = key;
        Profile = profile;
        SortOrder = sortOrder;
    }

    public int ProfileId { get; private set; }

    public Profile Profile { get; private set; } = null!;

    public override ContentKind Kind => ContentKind.Treatment;

    protected override TreatmentTranslation NewTranslation(Language language, string slug, string title) =>
        new(language, slug, title);

    public override Dictionary<string, string> ReadShared()
    {
        var shared = base.ReadShared();
        shared[ContentFields.ProfileId] = ProfileId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return shared;
    }

    public override void WriteShared(IReadOnlyDictionary<string, string> shared)
    {
        base.WriteShared(shared);
        if (shared.TryGetValue(ContentFields.ProfileId, out var value) && int.TryParse(value, out var profileId))
        {
            ProfileId = profileId;
        }
    }
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

    public override Dictionary<string, string> ReadFields()
    {
        var fields = base.ReadFields();
        fields[ContentFields.Lead] = Lead;
        fields[ContentFields.Description] = Description;
        fields[ContentFields.Procedures] = Procedures;
        fields[ContentFields.Contraindications] = Contraindications;
        fields[ContentFields.Results] = Results;
        fields[ContentFields.Consequences] = Consequences;
        return fields;
    }

    public override void WriteFields(IReadOnlyDictionary<string, string> fields)
    {
        base.WriteFields(fields);
        Lead = fields.GetValueOrDefault(ContentFields.Lead, Lead);
        Description = fields.GetValueOrDefault(ContentFields.Description, Description);
        Procedures = fields.GetValueOrDefault(ContentFields.Procedures, Procedures);
        Contraindications = fields.GetValueOrDefault(ContentFields.Contraindications, Contraindications);
        Results = fields.GetValueOrDefault(ContentFields.Results, Results);
        Consequences = fields.GetValueOrDefault(ContentFields.Consequences, Consequences);
    }
}
