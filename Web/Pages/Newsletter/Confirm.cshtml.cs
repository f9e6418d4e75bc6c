using Microsoft.Extensions.Localization;
using Sanatorium.Infrastructure.Subscribers;
using Sanatorium.Web.Newsletter;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Pages.Newsletter;

/// <summary>
/// The link in the confirmation mail: opening it confirms the subscription it was made for and queues
/// the welcome mail. Opened again it says so; expired, forged or from an earlier subscription, it
/// changes nothing and says what to do.
/// </summary>
public sealed class ConfirmModel(
    Subscriptions subscriptions,
    SubscriptionLinks links,
    SubscriptionMails mails,
    IStringLocalizer<NewsletterResource> text) : SitePageModel
{
    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    /// <summary>Whether the page offers to subscribe again (the link did not confirm anything).</summary>
    public bool OfferForm { get; private set; }

    public async Task OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        var link = links.ReadConfirmation(token);
        var result = link is null || link.Expired
            ? (ConfirmationResult?)null
            : await subscriptions.ConfirmAsync(link.SubscriberId, link.Stamp, mails.WelcomeAsync, cancellationToken);
        (Heading, Explanation) = result switch
        {
            ConfirmationResult.Confirmed => (text["ConfirmedTitle"], text["ConfirmedText"]),
            ConfirmationResult.AlreadyConfirmed => (text["AlreadyConfirmedTitle"], text["AlreadyConfirmedText"]),
            _ when link is { Expired: true } => (text["ExpiredTitle"], text["ExpiredText"]),
            _ => (text["InvalidLinkTitle"].Value, text["InvalidLinkText"].Value),
        };
        OfferForm = result is null or ConfirmationResult.Outdated;
        if (OfferForm)
        {
            Response.StatusCode = link is { Expired: true } ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest;
        }

        Meta = new PageMeta(Heading, Explanation, SiteUrls.Everywhere(NewsletterUrls.Form), NoIndex: true);
    }
}
