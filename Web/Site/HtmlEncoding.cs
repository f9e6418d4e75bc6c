using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Sanatorium.Web.Site;

/// <summary>
/// What Razor writes as it is rather than as a character reference: Latin, Cyrillic and the punctuation
/// of Russian text (« », dashes, №, ₽). Without it every Cyrillic letter became "&amp;#x43F;", a page about
/// a quarter larger. The encoders still escape &lt;, &gt;, &amp; and quotes whatever the settings say,
/// and control, format (bidi) and space characters other than the plain space (U+00A0 becomes "&amp;#xA0;").
/// </summary>
public static class HtmlEncoding
{
    public static TextEncoderSettings Settings { get; } = new(
        UnicodeRanges.BasicLatin,
        UnicodeRanges.Latin1Supplement,
        UnicodeRanges.Cyrillic,
        UnicodeRanges.GeneralPunctuation,
        UnicodeRanges.LetterlikeSymbols,
        UnicodeRanges.CurrencySymbols);
}
