using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Sanatorium.Core;

namespace Sanatorium.Web.Site;

/// <summary>
/// The &lt;title&gt; of a content page: the translation's SEO title, or when the editor left it empty,
/// a short form of the heading followed by the resort's name, at most <see cref="MaxLength"/> characters
/// (search engines cut longer titles). The page's H1 stays the full heading.
/// </summary>
public static partial class SeoTitles
{
    public const int MaxLength = 60;

    private const string Separator = " — ";

    private static readonly ResourceManager Shared = new("Sanatorium.Web.Resources.SharedResource", typeof(SeoTitles).Assembly);

    /// <summary>The title of a page in <paramref name="language"/>: <paramref name="seoTitle"/> when set, otherwise <see cref="Default"/>.</summary>
    public static string Of(Language language, string seoTitle, string heading) =>
        string.IsNullOrWhiteSpace(seoTitle) ? Default(language, heading) : seoTitle.Trim();

    /// <summary>The title made from <paramref name="heading"/>: what the editor sees as a hint in the empty field.</summary>
    public static string Default(Language language, string heading) => Default(heading, ResortName(language));

    /// <summary>
    /// The heading without asides in brackets, cut after a whole word so that it fits with
    /// <paramref name="resortName"/>, and without a dangling short word (a preposition or a conjunction) at the end.
    /// </summary>
    public static string Default(string heading, string resortName)
    {
        var room = MaxLength - Separator.Length - resortName.Length;
        var text = Spaces().Replace(Aside().Replace(heading, " "), " ").Trim();
        if (text.Length == 0)
        {
            text = heading.Trim();
        }

        if (text.Length > room)
        {
            var words = text.Split(' ').ToList();
            while (words.Count > 1 && (string.Join(' ', words).Length > room || IsDangling(words[^1])))
            {
                words.RemoveAt(words.Count - 1);
            }

            text = string.Join(' ', words).TrimEnd(',', ';', ':', '—', '–', '-');
            if (text.Length > room)
            {
                text = text[..room];
            }
        }

        return text + Separator + resortName;
    }

    /// <summary>The resort's name in <paramref name="language"/>, as the site's header shows it.</summary>
    public static string ResortName(Language language) =>
        Shared.GetString("ResortName", CultureInfo.GetCultureInfo(language.Code()))
        ?? throw new InvalidOperationException("SharedResource has no ResortName.");

    /// <summary>A lower-case word of up to three letters (в, на, для, of, in, the, and), or a lone dash; not an abbreviation (ЛФК) or a number.</summary>
    private static bool IsDangling(string word) =>
        word.Length <= 3 && !word.Any(c => char.IsUpper(c) || char.IsDigit(c));

    [GeneratedRegex(@"\s*\([^()]*\)")]
    private static partial Regex Aside();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
