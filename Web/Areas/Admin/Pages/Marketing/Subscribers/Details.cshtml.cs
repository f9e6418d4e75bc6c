using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Newsletters;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Subscribers;
using Sanatorium.Web.Admin;

namespace Sanatorium.Web.Areas.Admin.Pages.Marketing.Subscribers;

/// <summary>One subscriber: status, consent record, history, the mails and campaigns sent to them; unsubscribing them by hand.</summary>
public sealed class DetailsModel(
    SanatoriumDbContext db,
    AuditLog audit,
    Subscriptions subscriptions,
    IStringLocalizer<AdminResource> text) : AdminPageModel
{
    public Subscriber Subscriber { get; private set; } = null!;

    /// <summary>What happened to them, oldest first; mails sent are listed apart.</summary>
    public IReadOnlyList<SubscriberEvent> History { get; private set; } = [];

    public IReadOnlyList<SubscriberEvent> MailsSent { get; private set; } = [];

    /// <summary>The most campaigns listed on the page.</summary>
    public const int CampaignsShown = 50;

    /// <summary>The campaigns they got or were meant to get (their lines in the campaigns' ledgers), newest first.</summary>
    public IReadOnlyList<CampaignLine> Campaigns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } subscriber)
        {
            return NotFound();
        }

        Subscriber = subscriber;
        var events = await db.SubscriberEvents.AsNoTracking()
            .Where(e => e.SubscriberId == id)
            .OrderBy(e => e.At)
            .ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        // A subscriber an import added has no history line for it (a million would double the
        // import's time, docs/decisions/0021): their consent record is that line.
        IEnumerable<SubscriberEvent> added = subscriber.Source == SubscriberSource.Import
            ? [new SubscriberEvent(subscriber.Id, subscriber.CreatedAt, SubscriberEventKind.Imported, subscriber.ConsentSource ?? "")]
            : [];
        History = added.Concat(events.Where(e => e.Kind != SubscriberEventKind.MailSent)).ToList();
        MailsSent = events.Where(e => e.Kind == SubscriberEventKind.MailSent).ToList();
        Campaigns = await db.CampaignDeliveries
            .Where(d => d.SubscriberId == id)
            .Join(db.Campaigns, d => d.CampaignId, c => c.Id, (d, c) => new { Line = d, Campaign = c })
            .OrderByDescending(x => x.Line.At ?? x.Campaign.StartedAt)
            .ThenByDescending(x => x.Line.Id)
            .Take(CampaignsShown)
            .Select(x => new CampaignLine(x.Campaign.Id, x.Campaign.Name, x.Campaign.Status, x.Line.Status, x.Line.Error, x.Line.At ?? x.Campaign.StartedAt))
            .ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>Unsubscribes them at once (a request by phone, say): final until they subscribe and confirm again.</summary>
    public async Task<IActionResult> OnPostUnsubscribeAsync(long id, CancellationToken cancellationToken) =>
        await subscriptions.UnsubscribeAsync(
            id,
            StaffName,
            cancellationToken,
            () => audit.Record(StaffName, AuditActions.SubscriberUnsubscribed, Target(id))) switch
        {
            UnsubscribeResult.Unsubscribed => Done(text["SubscriberUnsubscribed"], id),
            UnsubscribeResult.AlreadyUnsubscribed => Done(text["SubscriberAlreadyUnsubscribed"], id),
            _ => NotFound(),
        };

    /// <summary>How the audit log names a subscriber: by id, never by address (an erased address must leave no trace).</summary>
    public static string Target(long id) => FormattableString.Invariant($"subscriber {id}");

    /// <summary>The first bytes of the keyed hash of the IP address, in hex: enough to tell two apart, not an address.</summary>
    public static string ShortHash(byte[] hash) => Convert.ToHexStringLower(hash.AsSpan(0, Math.Min(6, hash.Length)));

    /// <summary>Their line in one campaign's ledger: when it was sent, failed or skipped (or the campaign started, while it waits).</summary>
    public sealed record CampaignLine(long CampaignId, string Name, CampaignStatus CampaignStatus, DeliveryStatus Status, string? Reply, DateTimeOffset? At);

    private RedirectToPageResult Done(string message, long id)
    {
        StatusMessage = message;
        return RedirectToPage("./Details", new { id });
    }
}
