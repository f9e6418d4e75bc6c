using System.Text.Json;

namespace Sanatorium.Core.Content;

/// <summary>
/// What an editor saved: the shared fields and each language's fields, by name. Kept as JSON in a
/// <see cref="ContentRevision"/>; published by <see cref="TranslatedEntity{TTranslation}.Publish"/>.
/// </summary>
public sealed class Draft
{
    private static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>();

    public Dictionary<string, string> Shared { get; init; } = [];

    public Dictionary<Language, Dictionary<string, string>> Languages { get; init; } = [];

    /// <summary>A language is part of the page once it has a title.</summary>
    public bool HasTranslation(Language language) =>
        !string.IsNullOrWhiteSpace(Fields(language).GetValueOrDefault(ContentFields.Title));

    public IReadOnlyDictionary<string, string> Fields(Language language) =>
        Languages.TryGetValue(language, out var fields) ? fields : NoFields;

    /// <summary>The title the back office names the page by: the first language's that has one, else null.</summary>
    public string? Title() =>
        Core.Languages.All.Select(l => Fields(l).GetValueOrDefault(ContentFields.Title)).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));

    /// <summary>Whether this language reads the same here as in <paramref name="other"/>.</summary>
    public bool SameAs(Draft other, Language language) => SameFields(Fields(language), other.Fields(language));

    /// <summary>Whether this draft says the same as <paramref name="other"/>, shared fields and every language.</summary>
    public bool SameAs(Draft other) =>
        SameFields(Shared, other.Shared) && Core.Languages.All.All(language => SameAs(other, language));

    /// <summary>A field left out reads the same as an empty one.</summary>
    private static bool SameFields(IReadOnlyDictionary<string, string> mine, IReadOnlyDictionary<string, string> theirs) =>
        mine.Keys.Union(theirs.Keys).All(key => mine.GetValueOrDefault(key, "") == theirs.GetValueOrDefault(key, ""));

    public string ToJson() => JsonSerializer.Serialize(this);

    public static Draft FromJson(string json) =>
        JsonSerializer.Deserialize<Draft>(json) ?? throw new InvalidOperationException("An empty draft was stored.");
}
