using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Core.Newsletters;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Email;
using Sanatorium.Infrastructure.Newsletters;
using Sanatorium.Infrastructure.Options;
using Sanatorium.Infrastructure.Subscribers;
using Sanatorium.Web.Email;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Newsletter;

/// <summary>
/// A campaign's mail (<see cref="CampaignMail"/>): the preview and the test mail, with links as the
/// marketer wrote them, and the parts rendered once per audience language when it is sent or
/// scheduled, with tracked links and a placeholder for each recipient's unsubscribe link
/// (docs/decisions/0017 and 0022).
/// </summary>
public sealed class CampaignMails(
    SanatoriumDbContext db,
    MailRenderer renderer,
    ContentRenderer markdown,
    CampaignLinks links,
    CampaignMessages messages,
    SubscriptionHeaders headers,
    MailOutbox outbox,
    IOptions<SiteOptions> site,
    TimeProvider time,
    IStringLocalizer<CampaignResource> text,
    IStringLocalizer<NewsletterResource> newsletter)
{
    /// <summary>No subscriber has the id 0: the unsubscribe link of a preview or a test mail leads to the real page and unsubscribes nobody.</summary>
    private const long Nobody = 0;

    private readonly Uri home = new(site.Value.Absolute("/"));

    /// <summary>The mail in <paramref name="language"/> as a subscriber sees it; links lead straight to their addresses, so opening it counts no click.</summary>
    public async Task<RenderedMail> PreviewAsync(Campaign campaign, Language language, CancellationToken cancellationToken) =>
        await RenderAsync(campaign, language, await CardsAsync(campaign, cancellationToken), headers.UnsubscribeUrl(Nobody, language), url => url, test: false);

    /// <summary>
    /// Puts a test mail to each address in the outbox (the caller saves): the subject marked as a test,
    /// made the way the dispatcher makes each recipient's (<see cref="CampaignMessages"/>), its
    /// unsubscribe link (and header) one that unsubscribes nobody.
    /// </summary>
    public async Task AddTestAsync(Campaign campaign, Language language, IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        var placeholder = NewPlaceholder();
        var rendered = await RenderAsync(campaign, language, await CardsAsync(campaign, cancellationToken), placeholder, url => url, test: true);
        var version = new CampaignTranslation(language) { Subject = rendered.Subject, Html = rendered.Html, Text = rendered.Text };
        var unsubscribe = headers.UnsubscribeUrl(Nobody, language);
        foreach (var address in addresses)
        {
            outbox.Add(messages.For(version, placeholder, SubscriberEmail.ToAscii(address), unsubscribe));
        }
    }

    /// <summary>
    /// Renders each language of the campaign's audience once, for sending: every link in the body and
    /// the cards through the tracked redirect (one <see cref="CampaignLink"/> per distinct address, saved
    /// here to get its id, so call this inside the transaction that saves the campaign), a new
    /// placeholder in place of the unsubscribe link. The parts and the placeholder are set on the
    /// campaign for the caller to save.
    /// </summary>
    public async Task RenderForSendingAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var cards = await CardsAsync(campaign, cancellationToken);
        var placeholder = NewPlaceholder();
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        string Collect(string url)
        {
            addresses.Add(url);
            return url;
        }

        foreach (var language in campaign.AudienceLanguages)
        {
            await RenderAsync(campaign, language, cards, placeholder, Collect, test: false);
        }

        var tracked = await TrackAsync(campaign.Id, addresses, cancellationToken);
        foreach (var language in campaign.AudienceLanguages)
        {
            var rendered = await RenderAsync(campaign, language, cards, placeholder, url => tracked.GetValueOrDefault(url, url), test: false);
            var translation = campaign.TranslationFor(language);
            translation.Html = rendered.Html;
            translation.Text = rendered.Text;
        }

        campaign.Placeholder = placeholder;
    }

    /// <summary>
    /// The redirect address for each link, its row made or kept; rows of links the campaign no longer
    /// has go (it is a draft, so they were never mailed). An address too long to store stays as it is, untracked.
    /// </summary>
    private async Task<Dictionary<string, string>> TrackAsync(long campaignId, HashSet<string> addresses, CancellationToken cancellationToken)
    {
        var stored = await db.CampaignLinks.Where(l => l.CampaignId == campaignId).ToListAsync(cancellationToken);
        db.CampaignLinks.RemoveRange(stored.Where(l => !addresses.Contains(l.Url)));
        var rows = addresses
            .Where(url => url.Length <= CampaignLink.MaxUrlLength)
            .Select(url => stored.Find(l => l.Url == url) ?? db.CampaignLinks.Add(new CampaignLink(campaignId, url)).Entity)
            .ToList();
        await db.SaveChangesAsync(cancellationToken);
        return rows.ToDictionary(l => l.Url, l => links.Url(l.Id), StringComparer.Ordinal);
    }

    private async Task<RenderedMail> RenderAsync(
        Campaign campaign,
        Language language,
        IReadOnlyList<PromotionCard> cards,
        string unsubscribeLink,
        Func<string, string> link,
        bool test)
    {
        var translation = campaign.Translation(language) ?? new CampaignTranslation(language);
        await using var html = new StringWriter(CultureInfo.InvariantCulture);
        markdown.Render(translation.Body, language).WriteTo(html, HtmlEncoder.Default);
        var body = CampaignBody.From(html.ToString(), home, link);
        var shown = cards
            .Where(c => c.Language == language)
            .Select(c => (Card: c, Link: link(CampaignBody.Absolute(home, SiteUrls.Promotion(language, c.Slug))!)))
            .ToList();
        return await renderer.RenderAsync<CampaignMailView, CampaignMail>(language, () => new CampaignMail(
            Subject: test ? text["TestSubject", translation.Subject] : translation.Subject,
            Preheader: translation.Preheader,
            Body: body,
            Cards: shown.Select(s => new CampaignCard(
                s.Card.Title,
                text["CardDates", Date(s.Card.StartsOn), Date(s.Card.EndsOn)],
                text["CardAction"],
                s.Link,
                s.Card.ImageId is { } image ? site.Value.Absolute(SiteUrls.Media(image)) : null,
                s.Card.ImageAlt)).ToList(),
            UnsubscribeNote: newsletter["UnsubscribeNote"],
            UnsubscribeAction: newsletter["UnsubscribeLink"],
            UnsubscribeLink: unsubscribeLink));
    }

    /// <summary>The campaign's promotions that have not ended, in each language they are published in, in the campaign's order.</summary>
    private async Task<IReadOnlyList<PromotionCard>> CardsAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        if (campaign.PromotionIds.Count == 0)
        {
            return [];
        }

        var (visible, today, ids) = (Translation.VisibleAt<PromotionTranslation>(time.GetUtcNow()), ResortClock.Today(time), campaign.PromotionIds);
        var cards = await db.Promotions
            .Where(p => ids.Contains(p.Id) && p.EndsOn >= today)
            .SelectMany(p => p.Translations.AsQueryable().Where(visible)
                .Select(t => new PromotionCard(p.Id, t.Language, t.Title, t.Slug, p.ImageId, t.ImageAlt, p.StartsOn, p.EndsOn)))
            .ToListAsync(cancellationToken);
        return cards.OrderBy(c => ids.IndexOf(c.PromotionId)).ToList();
    }

    /// <summary>Letters, digits and hyphens, with 128 random bits no author can type by chance (docs/decisions/0017).</summary>
    private static string NewPlaceholder() => "unsubscribe-link-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string Date(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    private sealed record PromotionCard(int PromotionId, Language Language, string Title, string Slug, Guid? ImageId, string ImageAlt, DateOnly StartsOn, DateOnly EndsOn);
}
