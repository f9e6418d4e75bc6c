using System.Text;
using System.Text.RegularExpressions;
using Sanatorium.Core;

namespace Sanatorium.Web.Site;

/// <summary>
/// The typographer's pass over prose (docs/decisions/0027). Russian: a dash between words becomes an
/// em dash with a non-breaking space before it; a non-breaking space follows one- and two-letter words,
/// abbreviations such as «г.», «ул.», «т. д.» and «№», and joins a number to its unit or «%»; straight
/// double quotes become «ёлочки», with „лапки“ inside them. English: a spaced hyphen between words becomes
/// a spaced en dash, and nothing else. Every rule swaps one character for another, so the text keeps its
/// length (<see cref="ContentRenderer"/> relies on it to typeset a paragraph split among several
/// Markdown nodes); and a typeset text is left as it is, so the pass can run again.
/// </summary>
public static partial class Typography
{
    public const char NoBreakSpace = '\u00A0';

    /// <summary>
    /// Stands for what the pass must not change (a code span, an inline HTML tag, an entity) when the
    /// text around it is typeset: it is neither a letter nor a space, nor a quote.
    /// </summary>
    public const char Opaque = '\uFFFC';

    public static string Apply(string text, Language language)
    {
        if (language == Language.En)
        {
            return EnglishDash().Replace(text, " –");
        }

        text = RussianDash().Replace(text, NoBreakSpace + "—");
        text = ShortWord().Replace(text, "$1" + NoBreakSpace);
        text = Abbreviation().Replace(text, "$1" + NoBreakSpace);
        text = SpaceBeforeUnit().Replace(text, NoBreakSpace.ToString());
        text = SpaceAfterNumberSign().Replace(text, NoBreakSpace.ToString());
        return Quotes(text);
    }

    /// <summary>Straight double quotes to «» outside and „“ inside; quotes already typeset count in the nesting.</summary>
    private static string Quotes(string text)
    {
        if (!text.Contains('"', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text);
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '«' or '„':
                    depth++;
                    break;
                case '»' or '“':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '"' when Opens(text, i):
                    result[i] = depth == 0 ? '«' : '„';
                    depth++;
                    break;
                case '"':
                    depth = Math.Max(0, depth - 1);
                    result[i] = depth == 0 ? '»' : '“';
                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>A quote opens after the start, a space or an opening bracket, dash or quote; after an opaque part, when a word follows it.</summary>
    private static bool Opens(string text, int at)
    {
        if (at == 0)
        {
            return true;
        }

        var before = text[at - 1];
        if (before == Opaque)
        {
            return at + 1 < text.Length && !char.IsWhiteSpace(text[at + 1]) && !char.IsPunctuation(text[at + 1]);
        }

        return char.IsWhiteSpace(before) || before is '(' or '[' or '{' or '«' or '„' or '—' or '–' or '-' or '/';
    }

    /// <summary>A hyphen, en dash or em dash between spaces, not between two numbers (a range such as «10 - 20» stays).</summary>
    [GeneratedRegex(@"(?<=[^\s\d]) [-–—](?= )|(?<=\d) [-–—](?= \D)")]
    private static partial Regex RussianDash();

    [GeneratedRegex(@"(?<=[^\s\d]) -(?= )")]
    private static partial Regex EnglishDash();

    /// <summary>A word of one or two letters (after a space, an opening bracket or quote, or an opaque part such as a tag) and the space after it.</summary>
    [GeneratedRegex(@"(?<=^|[\s(\[«„""\uFFFC])(\p{L}{1,2}) (?=\S)")]
    private static partial Regex ShortWord();

    [GeneratedRegex(@"(?<=^|[\s(\[«„""\uFFFC])((?:г|гг|ул|пр|пер|пл|наб|д|корп|кв|обл|т|им|стр|см|рис|тел|ст|пос|напр)\.) (?=\S)")]
    private static partial Regex Abbreviation();

    [GeneratedRegex(@"(?<=\d) (?=(?:%|‰|₽|°|(?:мм|см|км|м|м²|м³|га|кг|мг|г|т|л|мл|ч|мин|сек|с|руб|р|коп|тыс|млн|млрд|шт|кВт|Вт)(?![\p{L}\d])))")]
    private static partial Regex SpaceBeforeUnit();

    [GeneratedRegex(@"(?<=[№§]) (?=\d)")]
    private static partial Regex SpaceAfterNumberSign();
}
