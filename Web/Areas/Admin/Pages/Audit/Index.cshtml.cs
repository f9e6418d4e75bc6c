using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core;
using Sanatorium.Core.Audit;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;

namespace Sanatorium.Web.Areas.Admin.Pages.Audit;

/// <summary>What staff did, newest first: filtered by who, what and when (resort days), a page at a time.</summary>
public sealed class IndexModel(SanatoriumDbContext db, IStringLocalizer<AccountResource> text) : AdminPageModel
{
    public const int PageSize = 50;

    /// <summary>The first and last day a date filter may name: the log holds nothing older, and the calendar's ends stay far away.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <inheritdoc cref="Earliest"/>
    public static readonly DateOnly Latest = new(2099, 12, 31);

    /// <summary>Part of the e-mail of whoever acted.</summary>
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>The actions the filter offers: every one the site records.</summary>
    public IReadOnlyList<string> Actions => AuditActions.All;

    public int PageCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        From = InRange(From, nameof(From));
        To = InRange(To, nameof(To));
        if (From > To)
        {
            ModelState.AddModelError(nameof(To), text["DateRangeReversed"]);
        }

        var entries = Filtered();
        PageCount = Math.Max(1, (await entries.CountAsync(cancellationToken) + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Entries = await entries
            .OrderByDescending(e => e.At)
            .ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The query string of this list at another page, its filters kept.</summary>
    public string PageLink(int pageNumber) => QueryString.Create(new Dictionary<string, string?>
    {
        ["user"] = UserFilter,
        ["action"] = ActionFilter,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["pageNumber"] = pageNumber.ToString(CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    /// <summary>The date, or null (no filter) with a message at its field when it is out of range.</summary>
    private DateOnly? InRange(DateOnly? date, string field)
    {
        if (date is not { } day || (day >= Earliest && day <= Latest))
        {
            return date;
        }

        ModelState.AddModelError(field, text["DateOutOfRange", Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        return null;
    }

    private IQueryable<AuditEntry> Filtered()
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(UserFilter))
        {
            entries = entries.Where(e => EF.Functions.ILike(e.User, "%" + Escape(UserFilter.Trim()) + "%", "\\"));
        }

        if (!string.IsNullOrEmpty(ActionFilter))
        {
            entries = entries.Where(e => e.Action == ActionFilter);
        }

        if (From is { } from)
        {
            var start = ResortClock.StartOf(from);
            entries = entries.Where(e => e.At >= start);
        }

        if (To is { } to)
        {
            var end = ResortClock.StartOf(to.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }

        return entries;
    }

    private static string Escape(string pattern) =>
        pattern.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
