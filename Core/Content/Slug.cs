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

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
