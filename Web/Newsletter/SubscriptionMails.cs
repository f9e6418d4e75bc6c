using System.Globalization;
using Microsoft.Extensions.Localization;
using MimeKit;
using Sanatorium.Core;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Email;
using Sanatorium.Infrastructure.Subscribers;
using Sanatorium.Web.Email;

namespace Sanatorium.Web.Newsletter;

/// <summary>
/// The mails of the double opt-in, rendered in the subscriber's language (text and HTML): the
/// confirmation with its signed, expiring link (<see cref="LinkMail"/>) and the welcome mail, which
/// already carries what every newsletter carries (<see cref="SubscriptionHeaders"/>, a visible
/// unsubscribe link). The CSV import's "send each a confirmation" calls <see cref="AddConfirmationAsync"/>.
/// </summary>
public sealed class SubscriptionMails(
    MailRenderer renderer,
    MailOutbox outbox,
    SubscriptionLinks links,
    SubscriptionHeaders headers,
    IStringLocalizer<NewsletterResource> text)
{
    /// <summary>
    /// Adds the confirmation mail for a saved <paramref name="subscriber"/> to the outbox through the
    /// caller's context: it is written with the caller's SaveChanges, in the caller's transaction.
    /// </summary>
    public async Task AddConfirmationAsync(Subscriber subscriber) =>
        outbox.Add(await ConfirmationAsync(subscriber), subscriber.Id);

    public async Task<MimeMessage> ConfirmationAsync(Subscriber subscriber)
    {
        var (link, expires) = links.ConfirmLink(subscriber);
        var rendered = await renderer.RenderAsync<LinkMailView, LinkMail>(subscriber.Language, () => new LinkMail(
            Subject: text["ConfirmMailSubject"],
            Intro: text["ConfirmMailIntro", subscriber.Email],
            Action: text["ConfirmMailAction"],
            Link: link,
            Lifetime: text["ConfirmMailLifetime", TimeZoneInfo.ConvertTime(expires, ResortClock.Zone).ToString("f", CultureInfo.CurrentCulture)]));
        return rendered.ToMessage(SubscriberEmail.ToAscii(subscriber.Email));
    }

    public async Task<MimeMessage> WelcomeAsync(Subscriber subscriber)
    {
        var unsubscribe = headers.UnsubscribeUrl(subscriber.Id, subscriber.Language);
        var rendered = await renderer.RenderAsync<NewsletterMailView, NewsletterMail>(subscriber.Language, () => new NewsletterMail(
            Subject: text["WelcomeMailSubject"],
            Paragraphs: [text["WelcomeMailIntro"]],
            UnsubscribeNote: text["UnsubscribeNote"],
            UnsubscribeAction: text["UnsubscribeLink"],
            UnsubscribeLink: unsubscribe));
        var message = rendered.ToMessage(SubscriberEmail.ToAscii(subscriber.Email));
        headers.Apply(message, unsubscribe);
        return message;
    }
}
