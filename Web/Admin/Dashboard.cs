using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Sanatorium.Core;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Content;
using Sanatorium.Core.Enquiries;
using Sanatorium.Core.Newsletters;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin.Content;
using Sanatorium.Web.Admin.Marketing;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Admin;

/// <summary>A line of a dashboard block: what it says and the page where it is dealt with.</summary>
public sealed record DashboardItem(string Title, string Path, DateTimeOffset? At, string Who);

/// <summary>A promotion that starts or ends within <see cref="Dashboard.Days"/> days.</summary>
public sealed record PromotionDates(string Title, string Path, DateOnly StartsOn, DateOnly EndsOn, bool Published);

/// <summary>The newest campaign that went out, and how its mail fared.</summary>
public sealed record CampaignFigures(string Name, string Path, CampaignStatus Status, int Delivered, int Failed);

/// <summary>The newsletter's figures for marketers: confirmed subscribers, confirmations this resort week, the last campaign.</summary>
public sealed record NewsletterFigures(int Confirmed, int NewThisWeek, CampaignFigures? LastCampaign);

/// <summary>
/// The back office home page's blocks, each loaded only for the roles that act on it (null otherwise):
/// editors (and administrators) get the drafts in progress, what is scheduled and the promotions of
/// the coming week; marketers (and administrators) the new enquiries and the newsletter's figures;
/// everyone the latest audit entries of their own part of the back office, administrators all of them.
/// </summary>
public sealed class Dashboard
{
    /// <summary>How far ahead the promotions block looks, in days.</summary>
    public const int Days = 7;

    public const int ActivityCount = 10;

    /// <summary>The inbox of enquiries (docs/decisions: the enquiries inbox is for administrators and marketers).</summary>
    public const string EnquiriesPath = "/admin/enquiries";

    public IReadOnlyList<DashboardItem>? Drafts { get; private init; }

    public IReadOnlyList<DashboardItem>? Scheduled { get; private init; }

    public IReadOnlyList<PromotionDates>? Promotions { get; private init; }

    public int? NewEnquiries { get; private init; }

    public NewsletterFigures? Newsletter { get; private init; }

    public IReadOnlyList<AuditEntry> Activity { get; private init; } = [];

    public bool AllActivity { get; private init; }

    public static async Task<Dashboard> LoadAsync(
        ClaimsPrincipal user,
        SanatoriumDbContext db,
        ContentEditor editor,
        ContentSchedule schedule,
        IMemoryCache cache,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var admin = user.IsInRole(Roles.Administrator);
        var content = admin || user.IsInRole(Roles.Editor);
        var marketing = admin || user.IsInRole(Roles.Marketer);
        return new Dashboard
        {
            Drafts = content ? await DraftsAsync(editor, cancellationToken) : null,
            Scheduled = content ? await ScheduledAsync(schedule, cancellationToken) : null,
            Promotions = content ? await PromotionsAsync(db, ResortClock.Today(time), cancellationToken) : null,
            NewEnquiries = marketing ? await db.Enquiries.CountAsync(e => e.Status == EnquiryStatus.New, cancellationToken) : null,
            Newsletter = marketing ? await NewsletterAsync(db, cache, time, cancellationToken) : null,
            Activity = await ActivityAsync(db, admin ? null : Prefixes(content, marketing), cancellationToken),
            AllActivity = admin,
        };
    }

    /// <summary>Where an audit entry's target is dealt with: a piece of content's editor, a campaign, a subscriber; else the audit log (administrators) or nowhere.</summary>
    public string? PathOf(AuditEntry entry)
    {
        var words = entry.Target.Split([' ', ':'], 3);
        if (words.Length >= 2 && long.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            if (Enum.TryParse<ContentKind>(words[0], ignoreCase: false, out var kind) && Enum.IsDefined(kind) && id <= int.MaxValue)
            {
                return ContentSections.Of(kind).EditPath((int)id);
            }

            switch (words[0])
            {
                case "campaign":
                    return CampaignUrls.Edit(id);
                case "subscriber":
                    return FormattableString.Invariant($"/admin/marketing/subscribers/{id}");
            }
        }

        return AllActivity ? $"/admin/audit?action={Uri.EscapeDataString(entry.Action)}" : null;
    }

    /// <summary>LIKE patterns of the audit actions of the parts of the back office a member of staff works in.</summary>
    private static List<string> Prefixes(bool content, bool marketing) =>
        [.. content ? new[] { "content.%", "contacts.%" } : [], .. marketing ? new[] { "campaign.%", "subscriber%" } : []];

    private static async Task<List<DashboardItem>> DraftsAsync(ContentEditor editor, CancellationToken cancellationToken) =>
        (await editor.DraftsInProgressAsync(cancellationToken))
            .Select(r => new DashboardItem(r.Draft.Title() ?? $"#{r.EntityId}", ContentSections.Of(r.Kind).EditPath(r.EntityId), r.CreatedAt, r.Author))
            .ToList();

    private static async Task<List<DashboardItem>> ScheduledAsync(ContentSchedule schedule, CancellationToken cancellationToken) =>
        (await schedule.AllAsync(cancellationToken))
            .Select(s => new DashboardItem(s.Title, ContentSections.Of(s.Schedule.Kind).EditPath(s.Schedule.EntityId), s.Schedule.PublishAt, s.Schedule.ScheduledBy))
            .ToList();

    private static async Task<List<PromotionDates>> PromotionsAsync(SanatoriumDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var last = today.AddDays(Days);
        var promotions = await db.Promotions.AsNoTracking()
            .Where(p => (p.StartsOn >= today && p.StartsOn <= last) || (p.EndsOn >= today && p.EndsOn <= last))
            .OrderBy(p => p.StartsOn >= today ? p.StartsOn : p.EndsOn)
            .Select(p => new
            {
                p.Id,
                p.StartsOn,
                p.EndsOn,
                Titles = p.Translations.Select(t => new { t.Language, t.Title, t.PublishedAt }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var section = ContentSections.Of(ContentKind.Promotion);
        return promotions.Select(p => new PromotionDates(
                p.Titles.OrderBy(t => t.Language == SiteLanguage.Current ? 0 : 1).Select(t => t.Title).FirstOrDefault() ?? $"#{p.Id}",
                section.EditPath(p.Id),
                p.StartsOn,
                p.EndsOn,
                p.Titles.Any(t => t.PublishedAt != null)))
            .ToList();
    }

    private static async Task<NewsletterFigures> NewsletterAsync(SanatoriumDbContext db, IMemoryCache cache, TimeProvider time, CancellationToken cancellationToken)
    {
        // The marketing dashboard's report, kept for a minute: no pass over the subscribers per visit.
        var growth = await SubscriberGrowth.ReportAsync(db, cache, time, cancellationToken);
        var last = await db.Campaigns.AsNoTracking()
            .Where(c => c.StartedAt != null)
            .OrderByDescending(c => c.StartedAt)
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.Status,
                Delivered = db.CampaignDeliveries.Count(d => d.CampaignId == c.Id && d.Status == DeliveryStatus.Sent),
                Failed = db.CampaignDeliveries.Count(d => d.CampaignId == c.Id && d.Status == DeliveryStatus.Failed),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return new NewsletterFigures(
            growth.Totals.GetValueOrDefault(SubscriberStatus.Confirmed),
            growth.Weeks[^1].Confirmed,
            last is null ? null : new CampaignFigures(last.Name, CampaignUrls.For(last.Id, last.Status), last.Status, last.Delivered, last.Failed));
    }

    /// <summary>The newest audit entries whose action matches one of <paramref name="patterns"/> (null: every entry).</summary>
    private static Task<List<AuditEntry>> ActivityAsync(SanatoriumDbContext db, List<string>? patterns, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (patterns is not null)
        {
            entries = entries.Where(e => patterns.Any(p => EF.Functions.Like(e.Action, p)));
        }

        return entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(ActivityCount).ToListAsync(cancellationToken);
    }
}
