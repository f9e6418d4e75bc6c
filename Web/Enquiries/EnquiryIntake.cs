using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Core.Enquiries;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Email;
using Sanatorium.Infrastructure.Options;
using Sanatorium.Infrastructure.Subscribers;
using Sanatorium.Web.Email;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Enquiries;

/// <summary>
/// Stores an enquiry with its consent record and, in the same transaction, puts in the outbox the
/// mail to the resort's enquiry address (in Russian, the staff's language) and the acknowledgement
/// to the visitor in their language (docs/decisions/0024-contacts-and-enquiries.md).
/// </summary>
public sealed class EnquiryIntake(
    SanatoriumDbContext db,
    SiteContacts siteContacts,
    MailOutbox outbox,
    MailRenderer renderer,
    SubscriberHasher hasher,
    IOptions<SiteOptions> site,
    TimeProvider time,
    IStringLocalizer<EnquiryResource> text)
{
    /// <summary>
    /// Acknowledgements one address gets in 24 hours at most: the form can be sent with anyone's
    /// address, so the acknowledgement repeats nothing the sender typed but the dates and guests.
    /// </summary>
    public const int AcknowledgementsPerDay = 3;

    public async Task<Enquiry> SubmitAsync(EnquiryRequest request, Language language, Consent consent, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var enquiry = new Enquiry(now, language)
        {
            Name = request.Name,
            Phone = request.Phone,
            Email = request.Email,
            Arrival = request.Arrival,
            Departure = request.Departure,
            Guests = request.Guests,
            ProfileId = request.ProfileId,
            Message = request.Message,
            ConsentAt = now,
            ConsentSource = consent.Page.AtMost(Enquiry.MaxConsentSourceLength),
            ConsentIpHash = await hasher.HashAsync(consent.ClientAddress, cancellationToken),
        };
        var contacts = await siteContacts.GetAsync(cancellationToken);
        var profiles = request.ProfileId is { } profileId
            ? await db.ProfileTranslations.Where(t => t.ProfileId == profileId).ToDictionaryAsync(t => t.Language, t => t.Title, cancellationToken)
            : [];

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var acknowledge = request.Email is { } email
            && await db.Enquiries.CountAsync(e => e.Email == email && e.CreatedAt > now.AddDays(-1), cancellationToken) < AcknowledgementsPerDay;
        db.Enquiries.Add(enquiry);
        await db.SaveChangesAsync(cancellationToken);

        if (StaffAddress(contacts) is { } staff)
        {
            outbox.Add(await StaffMailAsync(enquiry, staff, profiles.GetValueOrDefault(Languages.Default) ?? profiles.Values.FirstOrDefault()));
        }

        if (acknowledge)
        {
            outbox.Add(await AcknowledgementAsync(enquiry, contacts, profiles.GetValueOrDefault(language)));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return enquiry;
    }

    /// <summary>Where enquiries are mailed: the enquiry address, else the resort's e-mail; null when neither is a usable address.</summary>
    private static string? StaffAddress(ContactDetails? contacts) =>
        new[] { contacts?.EnquiryEmail, contacts?.Email }
            .Select(a => SubscriberEmail.TryNormalize(a, out var address) ? address : null)
            .FirstOrDefault(a => a is not null);

    private async Task<MimeMessage> StaffMailAsync(Enquiry enquiry, string to, string? profile)
    {
        var rendered = await renderer.RenderAsync<NoticeMailView, NoticeMail>(Languages.Default, () => new NoticeMail(
            Subject: text["StaffMailSubject", enquiry.Name],
            Intro: text["StaffMailIntro", ResortClock.Format(enquiry.CreatedAt), text["Language_" + enquiry.Language.Code()]],
            Lines:
            [
                (text["Name"], enquiry.Name),
                (text["Phone"], enquiry.Phone ?? "—"),
                (text["Email"], enquiry.Email ?? "—"),
                .. StayLines(enquiry, profile),
                (text["Message"], enquiry.Message.Length == 0 ? "—" : enquiry.Message),
            ],
            LinkText: text["StaffMailLink"],
            Link: site.Value.Absolute("/admin/enquiries/" + enquiry.Id.ToString(CultureInfo.InvariantCulture))));
        var message = rendered.ToMessage(SubscriberEmail.ToAscii(to));
        if (enquiry.Email is { } email)
        {
            message.ReplyTo.Add(new MailboxAddress(enquiry.Name, SubscriberEmail.ToAscii(email)));
        }

        return message;
    }

    private async Task<MimeMessage> AcknowledgementAsync(Enquiry enquiry, ContactDetails? contacts, string? profile)
    {
        var rendered = await renderer.RenderAsync<NoticeMailView, NoticeMail>(enquiry.Language, () => new NoticeMail(
            Subject: text["AckMailSubject"],
            Intro: text["AckMailIntro"],
            Lines: StayLines(enquiry, profile),
            Closing: string.IsNullOrEmpty(contacts?.Phone) ? text["AckMailClosing"] : text["AckMailClosingPhone", contacts.Phone]));
        return rendered.ToMessage(SubscriberEmail.ToAscii(enquiry.Email!));
    }

    /// <summary>What the stay is to be: dates, guests and profile, each only when given; written inside the mail's culture.</summary>
    private List<(string Label, string Value)> StayLines(Enquiry enquiry, string? profile)
    {
        var lines = new List<(string, string)>();
        if (enquiry is { Arrival: { } arrival, Departure: { } departure })
        {
            lines.Add((text["Dates"], text["DatesValue", Day(arrival), Day(departure)]));
        }

        if (enquiry.Guests is { } guests)
        {
            lines.Add((text["Guests"], guests.ToString(CultureInfo.CurrentCulture)));
        }

        if (profile is not null)
        {
            lines.Add((text["Profile"], profile));
        }

        return lines;
    }

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
}
