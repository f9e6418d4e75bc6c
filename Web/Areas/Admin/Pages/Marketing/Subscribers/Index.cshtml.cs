using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin.Marketing;

namespace Sanatorium.Web.Areas.Admin.Pages.Marketing.Subscribers;

/// <summary>
/// The subscribers, newest first: searched by address, filtered by status, language and source, a
/// page at a time by keyset (the last id seen, never an offset), with counts capped so that they
/// stay cheap at a million rows.
/// </summary>
public sealed class IndexModel(SanatoriumDbContext db, IStringLocalizer<AdminResource> text) : SubscriberFilterPageModel
{
    public const int PageSize = 50;

    /// <summary>
    /// Counts stop here: "more than 1,000" costs as little as a thousand rows, a million would not
    /// (the dashboard has the exact totals per status).
    /// </summary>
    public const int CountCap = 1_000;

    /// <summary>The next page: subscribers older (smaller id) than this one.</summary>
    [BindProperty(SupportsGet = true)]
    public long? After { get; set; }

    /// <summary>The previous page: subscribers newer (greater id) than this one.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<SubscriberRow> Rows { get; private set; } = [];

    /// <summary>The subscribers of each status that the rest of the filter selects, up to <see cref="CountCap"/> + 1; empty when a search has more matches than that.</summary>
    public IReadOnlyDictionary<SubscriberStatus, int> StatusCounts { get; private set; } = new Dictionary<SubscriberStatus, int>();

    /// <summary>The subscribers the whole filter selects; above <see cref="CountCap"/> when capped.</summary>
    public int Total { get; private set; }


    public string? NextLink { get; private set; }

    public string? PreviousLink { get; private set; }

    /// <summary>True when this is not the first page, so a link back to the first is useful.</summary>
    public bool IsPaged => After is not null || Before is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (SearchTooLong)
        {
            ModelState.AddModelError(nameof(Search), text["SubscriberSearchTooLong", SubscriberEmail.MaxLength]);
        }

        StatusCounts = Term.Length == 0 ? await CountByStatusAsync(cancellationToken) : await CountMatchesAsync(cancellationToken);
        Total = StatusCounts.Count == 0
            ? await Filtered(db.Subscribers).Take(CountCap + 1).CountAsync(cancellationToken)
            : Math.Min(CountCap + 1, Status is { } chosen ? StatusCounts.GetValueOrDefault(chosen) : StatusCounts.Values.Sum());

        await LoadPageAsync(cancellationToken);
    }

    /// <summary>A count as staff read it: the number, or "more than 10,000" when it was capped.</summary>
    public string CountText(int count) => count > CountCap
        ? text["MoreThan", CountCap.ToString("N0", CultureInfo.CurrentCulture)]
        : count.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>Each status on its own, capped: the (Status, Id) index serves each count.</summary>
    private async Task<Dictionary<SubscriberStatus, int>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<SubscriberStatus, int>();
        foreach (var status in Enum.GetValues<SubscriberStatus>())
        {
            counts[status] = await Filtered(db.Subscribers, withStatus: false)
                .Where(s => s.Status == status)
                .Take(CountCap + 1)
                .CountAsync(cancellationToken);
        }

        return counts;
    }

    /// <summary>
    /// The matches of a search, read once through the trigram index (not once per status: they are
    /// spread over the whole table) and grouped by status; past <see cref="CountCap"/> only the total
    /// is known, and shown as "more than".
    /// </summary>
    private async Task<Dictionary<SubscriberStatus, int>> CountMatchesAsync(CancellationToken cancellationToken)
    {
        var counts = await Filtered(db.Subscribers, withStatus: false)
            .Select(s => s.Status)
            .Take(CountCap + 1)
            .GroupBy(status => status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        return counts.Values.Sum() > CountCap
            ? []
            : Enum.GetValues<SubscriberStatus>().ToDictionary(s => s, s => counts.GetValueOrDefault(s));
    }

    private async Task LoadPageAsync(CancellationToken cancellationToken)
    {
        var subscribers = Filtered(db.Subscribers);
        List<SubscriberRow> rows;
        if (Before is { } before)
        {
            // Going back: the page just newer than `before`, read upwards and turned round.
            rows = await Project(subscribers.Where(s => s.Id > before).OrderBy(s => s.Id)).ToListAsync(cancellationToken);
            var hasNewer = rows.Count > PageSize;
            rows = rows.Take(PageSize).Reverse().ToList();
            PreviousLink = hasNewer ? PageLink("before", rows[0].Id) : null;
            NextLink = rows.Count > 0 ? PageLink("after", rows[^1].Id) : null;
        }
        else
        {
            if (After is { } after)
            {
                subscribers = subscribers.Where(s => s.Id < after);
            }

            rows = await Project(subscribers.OrderByDescending(s => s.Id)).ToListAsync(cancellationToken);
            var hasOlder = rows.Count > PageSize;
            rows = rows.Take(PageSize).ToList();
            NextLink = hasOlder ? PageLink("after", rows[^1].Id) : null;
            PreviousLink = After is not null && rows.Count > 0 ? PageLink("before", rows[0].Id) : null;
        }

        Rows = rows;
    }

    private string PageLink(string direction, long id) => QueryWith((direction, id.ToString(CultureInfo.InvariantCulture)));

    private static IQueryable<SubscriberRow> Project(IQueryable<Subscriber> subscribers) => subscribers
        .Take(PageSize + 1)
        .Select(s => new SubscriberRow(s.Id, s.Email, s.Name, s.Language, s.Status, s.Source, s.CreatedAt));

    public sealed record SubscriberRow(
        long Id,
        string Email,
        string? Name,
        Language Language,
        SubscriberStatus Status,
        SubscriberSource Source,
        DateTimeOffset CreatedAt);
}
