using Microsoft.Extensions.Options;
using MimeKit;
using Sanatorium.Core;
using Sanatorium.Infrastructure.Options;

namespace Sanatorium.Infrastructure.Subscribers;

/// <summary>
/// What every newsletter mail carries besides its words (DESIGN.md, "Contracts"): <c>List-Unsubscribe</c>
/// with the subscriber's signed https link (and <c>mailto:</c> when <c>Newsletter:UnsubscribeMailto</c> is
/// set), <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> (RFC 8058) and <c>List-Id</c>; the
/// unique <c>Message-ID</c> is given where the message is sent from (<see cref="Email.MailOutbox"/>).
/// The welcome mail uses it now; campaigns use it for each recipient.
/// </summary>
public sealed class SubscriptionHeaders(SubscriptionLinks links, IOptions<SiteOptions> site, IOptions<SubscriptionOptions> options)
{
    public const string ListName = "AMAKS Staraya Russa promotions";

    /// <summary>The list's identifier, <c>promotions.</c> and the site's host name (RFC 2919).</summary>
    public string ListId => "promotions." + new Uri(site.Value.BaseUrl).IdnHost;

    /// <summary>Adds the newsletter headers; <paramref name="unsubscribeUrl"/> is the recipient's link, the one the mail shows.</summary>
    public void Apply(MimeMessage message, string unsubscribeUrl)
    {
        var targets = "<" + unsubscribeUrl + ">";
        if (!string.IsNullOrEmpty(options.Value.UnsubscribeMailto))
        {
            targets += ", <mailto:" + options.Value.UnsubscribeMailto + "?subject=unsubscribe>";
        }

        message.Headers.Replace(HeaderId.ListUnsubscribe, targets);
        message.Headers.Replace("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Replace(HeaderId.ListId, ListName + " <" + ListId + ">");
    }

    /// <summary>The subscriber's unsubscribe link, which the mail shows and <see cref="Apply"/> puts in the headers.</summary>
    public string UnsubscribeUrl(long subscriberId, Language language) => links.UnsubscribeUrl(subscriberId, language);
}
