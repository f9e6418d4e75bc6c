using Sanatorium.Core;
using Sanatorium.Core.Content;

namespace Sanatorium.Infrastructure.Seed;

/// <summary>
/// The evident slips of the client's page on lumbar pain syndrome, corrected so that both languages say
/// the same (docs/decisions/0027), and what earlier seeds asserted that the client's page does not: a list
/// of procedures and the procedures named in the meta description. <see cref="ContentSeeder"/> applies
/// them as a revision of their own, so that the back office history shows each one and can undo it.
/// </summary>
internal static class TreatmentCorrections
{
    /// <summary>What each correction replaces, in each language, in every field but the slug.</summary>
    public static IReadOnlyList<(Language Language, string Slip, string Correction)> Replacements { get; } =
    [
        (Language.En, "parotid muscles", "paravertebral muscles"),
        (Language.En, "secondary sinuses", "secondary synovitis"),
        (Language.En, "large sequesters", "large sequestra"),
        (Language.En, "Acupuncture methods – acupuncture - also help", "Reflexology methods such as acupuncture also help"),
        (Language.En, "Lumboishialgia", "Lumboischialgia"),
        (Language.En, "lumboishialgia", "lumboischialgia"),
        (Language.En, "lumboishalgia", "lumboischialgia"),
        (Language.En, "mud therapy, mineral baths, physiotherapy, massage and exercise therapy", "physiotherapy, massage and exercise therapy"),
        (Language.Ru, "Люмбоишалгия – боль в поиснице", "Люмбоишиалгия – боль в пояснице"),
        (Language.Ru, "грязелечение, минеральные ванны, физиотерапия, массаж и ЛФК", "физиотерапия, массаж и лечебная физкультура"),
    ];

    /// <summary>The draft with every slip corrected and no procedures.</summary>
    public static Draft Apply(Draft draft) => new()
    {
        Shared = new Dictionary<string, string>(draft.Shared),
        Languages = draft.Languages.ToDictionary(
            language => language.Key,
            language => language.Value.ToDictionary(
                field => field.Key,
                field => Correct(language.Key, field.Key, field.Value))),
    };

    private static string Correct(Language language, string field, string value) => field switch
    {
        ContentFields.Slug => value,
        ContentFields.Procedures => "",
        _ => Replacements
            .Where(r => r.Language == language)
            .Aggregate(value, (text, r) => text.Replace(r.Slip, r.Correction, StringComparison.Ordinal)),
    };
}
