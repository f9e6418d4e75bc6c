using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Sanatorium.Core;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Options;

namespace Sanatorium.Infrastructure.Subscribers;

/// <summary>
/// The signed links in subscription mail (ASP.NET Core Data Protection, keys in PostgreSQL): a
/// confirmation link carries the subscriber's id, their <see cref="Subscriber.Stamp"/> and when it
/// expires, so it works once per subscription and for <see cref="SubscriptionOptions.ConfirmationLinkLifetime"/>;
/// an unsubscribe link carries the id alone and never expires, so the link in an old newsletter still works.
/// See docs/decisions/0019-newsletter-subscription.md.
/// </summary>
public sealed class SubscriptionLinks(
    IDataProtectionProvider protection,
    TimeProvider time,
    IOptions<SiteOptions> site,
    IOptions<SubscriptionOptions> options)
{
    public const string ConfirmPath = "/newsletter/confirm";

    public const string UnsubscribePath = "/newsletter/unsubscribe";

    private readonly IDataProtector confirmation = protection.CreateProtector("Sanatorium.Newsletter.Confirm");

    private readonly IDataProtector unsubscription = protection.CreateProtector("Sanatorium.Newsletter.Unsubscribe");

    /// <summary>The absolute confirmation link for the subscriber's current subscription, in their language, and when it expires.</summary>
    public (string Url, DateTimeOffset Expires) ConfirmLink(Subscriber subscriber)
    {
        var expires = DateTimeOffset.FromUnixTimeSeconds((time.GetUtcNow() + options.Value.ConfirmationLinkLifetime).ToUnixTimeSeconds());
        var token = confirmation.Protect(
            string.Create(CultureInfo.InvariantCulture, $"{subscriber.Id}:{subscriber.Stamp:N}:{expires.ToUnixTimeSeconds()}"));
        return (Url(subscriber.Language, ConfirmPath, token), expires);
    }

    /// <summary>The absolute unsubscribe link of a subscriber, in the language given.</summary>
    public string UnsubscribeUrl(long subscriberId, Language language) =>
        Url(language, UnsubscribePath, unsubscription.Protect(subscriberId.ToString(CultureInfo.InvariantCulture)));

    /// <summary>What a confirmation link says, or null when it was not made by this site (forged, damaged, cut short).</summary>
    public ConfirmationToken? ReadConfirmation(string? token)
    {
        var parts = Unprotect(confirmation, token)?.Split(':');
        return parts is [var id, var stamp, var expires]
            && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var subscriberId)
            && Guid.TryParseExact(stamp, "N", out var subscriptionStamp)
            && long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? new ConfirmationToken(subscriberId, subscriptionStamp, DateTimeOffset.FromUnixTimeSeconds(seconds) <= time.GetUtcNow())
                : null;
    }

    /// <summary>The subscriber an unsubscribe link is for, or null when it was not made by this site.</summary>
    public long? ReadUnsubscribe(string? token) =>
        long.TryParse(Unprotect(unsubscription, token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private string Url(Language language, string path, string token) =>
        site.Value.Absolute((language == Language.En ? "/en" : "") + path + "?token=" + token);

    private static string? Unprotect(IDataProtector protector, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            return protector.Unprotect(token);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}

/// <summary>A confirmation link as signed: whose, for which subscription, and whether its time is up.</summary>
public sealed record ConfirmationToken(long SubscriberId, Guid Stamp, bool Expired);
