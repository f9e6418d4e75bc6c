using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Sanatorium.Infrastructure.Options;

namespace Sanatorium.Web.Newsletter;

/// <summary>
/// The tracked links of campaign mail: <c>/newsletter/link/{token}</c>, the token being the id of a
/// stored <c>CampaignLink</c> protected by ASP.NET Core Data Protection (keys shared in PostgreSQL), so
/// nobody can make one for another id, let alone another address: the redirect only ever leads to an
/// address a campaign stored (docs/decisions/0022-newsletter-campaigns.md).
/// </summary>
public sealed class CampaignLinks(IDataProtectionProvider protection, IOptions<SiteOptions> site)
{
    public const string Path = "/newsletter/link/";

    /// <summary>Longer than any token this site makes; a longer one is not even read.</summary>
    private const int MaxTokenLength = 500;

    private readonly IDataProtector protector = protection.CreateProtector("Sanatorium.Newsletter.CampaignLink");

    /// <summary>The absolute address of the redirect to the link <paramref name="linkId"/>.</summary>
    public string Url(long linkId) => site.Value.Absolute(Path + protector.Protect(linkId.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The link a token stands for, or null when this site did not make it (forged, damaged, cut short).</summary>
    public long? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        try
        {
            return long.TryParse(protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
