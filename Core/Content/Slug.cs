using System.Text;
using System.Text.RegularExpressions;

namespace Sanatorium.Core.Content;

/// <summary>Rules for the URL segment that names a page in one language.</summary>
public static partial class Slug
{
    public const int MaxLength = 200;

    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength && Pattern().IsMatch(slug);

    public static string Require(string slug) => IsValid(slug)
        ? slug
        : throw new ArgumentException(
            $"'{slug}' is not a valid slug: use lower-case latin letters, digits and single hyphens, at most {MaxLength} characters.",
            nameof(slug));

    /// <summary>
    /// A slug made from a title: Russian transliterated (й -> y, ы -> y, х -> kh, ц -> ts, щ -> shch,
    /// as in "poyasnichnyy-bolevoy-sindrom"), everything else that is not a latin letter or digit
    /// turned into single hyphens.
    /// </summary>
    public static string FromTitle(string title)
    {
        var latin = new StringBuilder(title.Length * 2);
        foreach (var c in title.ToLowerInvariant())
        {
            latin.Append(Transliteration.TryGetValue(c, out var replacement) ? replacement : c.ToString());
        }

        var slug = NotSlug().Replace(latin.ToString(), "-").Trim('-');
        return slug.Length <= MaxLength ? slug : slug[..MaxLength].TrimEnd('-');
    }

    private static readonly Dictionary<char, string> Transliteration = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e",
        ['ж'] = "zh", ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m",
        ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u",
        ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "",
        ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya",
    };

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotSlug();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
