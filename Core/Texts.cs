namespace Sanatorium.Core;

public static class Texts
{
    /// <summary>The text cut to at most <paramref name="length"/> characters (never between the halves of a surrogate pair), to fit a column.</summary>
    public static string AtMost(this string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        return char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
    }
}
