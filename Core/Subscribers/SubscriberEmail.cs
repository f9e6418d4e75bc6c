using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Sanatorium.Core.Subscribers;

/// <summary>
/// The one rule for what counts as a newsletter address, used by the footer form and the CSV import
/// alike: an ASCII local part (dot-atom), a domain that may be internationalised
/// (<c>ivanov@почта.рф</c>). The normalised form is lower case with the domain in Unicode, so
/// <c>Ivanov@XN--80A1ACNY.XN--P1AI</c> and <c>ivanov@почта.рф</c> are one subscriber.
/// </summary>
public static class SubscriberEmail
{
    /// <summary>RFC 5321's limit for a whole path.</summary>
    public const int MaxLength = 254;

    private const int MaxLocalLength = 64;

    private const string LocalSpecials = "!#$%&'*+-/=?^_`{|}~.";

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? address)
    {
        address = null;
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return false;
        }

        var at = text.LastIndexOf('@');
        if (at <= 0 || at > MaxLocalLength || at == text.Length - 1)
        {
            return false;
        }

        var local = text[..at];
        if (!IsDotAtom(local) || !TryDomain(text[(at + 1)..], out var domain))
        {
            return false;
        }

        address = local.ToLowerInvariant() + "@" + domain;
        return address.Length <= MaxLength;
    }

    /// <summary>The address with its domain in ASCII (punycode), as an SMTP server without SMTPUTF8 needs it.</summary>
    public static string ToAscii(string normalized)
    {
        var at = normalized.LastIndexOf('@');
        return normalized[..(at + 1)] + Idn.GetAscii(normalized[(at + 1)..]);
    }

    private static bool IsDotAtom(string local)
    {
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in local)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !LocalSpecials.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryDomain(string text, [NotNullWhen(true)] out string? domain)
    {
        domain = null;
        string ascii;
        try
        {
            ascii = Idn.GetAscii(text.ToLowerInvariant());
        }
        catch (ArgumentException)
        {
            return false;
        }

        var labels = ascii.Split('.');
        if (labels.Length < 2 || labels[^1].All(char.IsAsciiDigit))
        {
            return false;
        }

        domain = Idn.GetUnicode(ascii);
        return true;
    }
}
