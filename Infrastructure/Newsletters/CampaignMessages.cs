using System.Net;
using MimeKit;
using Sanatorium.Core;
using Sanatorium.Core.Newsletters;
using Sanatorium.Infrastructure.Email;
using Sanatorium.Infrastructure.Subscribers;

namespace Sanatorium.Infrastructure.Newsletters;

/// <summary>
/// Makes one recipient's message from a campaign translation rendered once for its language
/// (docs/decisions/0017): the recipient's unsubscribe link in place of <see cref="Campaign.Placeholder"/>
/// (HTML-encoded in the HTML part), the newsletter headers (<see cref="SubscriptionHeaders"/>), the
/// sender, the date and a <c>Message-ID</c> of its own (<see cref="MailStamp"/>).
/// </summary>
public sealed class CampaignMessages(SubscriptionHeaders headers, MailStamp stamp)
{
    /// <summary>The message to <paramref name="to"/> (an address MailKit can send to: ASCII local part, IDN domain in punycode or Unicode).</summary>
    public MimeMessage For(CampaignTranslation translation, string placeholder, string to, string unsubscribeUrl)
    {
        if (translation.Html is null || translation.Text is null)
        {
            throw new InvalidOperationException($"The {translation.Language.Code()} version of campaign {translation.CampaignId} was never rendered.");
        }

        var rendered = new RenderedMail(
            translation.Language,
            translation.Subject,
            translation.Html.Replace(placeholder, WebUtility.HtmlEncode(unsubscribeUrl), StringComparison.Ordinal),
            translation.Text.Replace(placeholder, unsubscribeUrl, StringComparison.Ordinal));
        var message = rendered.ToMessage(to);
        stamp.Apply(message);
        headers.Apply(message, unsubscribeUrl);
        return message;
    }
}
