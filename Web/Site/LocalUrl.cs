using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Sanatorium.Web.Site;

/// <summary>
/// Where a form sends its visitor back to: only an address on this site (never an open redirect),
/// written as a Location header must be, in ASCII.
/// </summary>
public static class LocalUrl
{
    /// <summary><paramref name="returnUrl"/> ready for a redirect when it is an address on this site, otherwise <paramref name="fallback"/>.</summary>
    public static string LocalOr(this IUrlHelper url, string? returnUrl, string fallback) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? Encode(returnUrl) : fallback;

    /// <summary>
    /// Percent-encodes, as UTF-8, every character outside printable ASCII (a Cyrillic path, a space, a
    /// tab); the rest, escapes already there included, stays as it is, so encoding twice changes nothing.
    /// </summary>
    public static string Encode(string url)
    {
        var encoded = new StringBuilder(url.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7F)
            {
                encoded.Append((char)rune.Value);
                continue;
            }

            foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
