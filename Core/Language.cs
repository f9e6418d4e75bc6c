namespace Sanatorium.Core;

/// <summary>The languages the site is written in. Russian is the default and lives at "/".</summary>
public enum Language
{
    Ru,
    En,
}

public static class Languages
{
    public const Language Default = Language.Ru;

    public static IReadOnlyList<Language> All { get; } = [Language.Ru, Language.En];

    /// <summary>The ISO 639-1 code used in URLs, hreflang and the html lang attribute.</summary>
    public static string Code(this Language language) => language switch
    {
        Language.Ru => "ru",
        Language.En => "en",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    public static Language Other(this Language language) =>
        language == Language.Ru ? Language.En : Language.Ru;

    public static bool TryParse(string? code, out Language language)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code, StringComparison.OrdinalIgnoreCase))
            {
                language = candidate;
                return true;
            }
        }

        language = Default;
        return false;
    }
}
