using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core;
using Sanatorium.Core.Enquiries;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Marketing;

namespace Sanatorium.Web.Areas.Admin.Pages.Enquiries;

/// <summary>The enquiries inbox: newest first, filtered by status, searched by name, e-mail or phone, a page at a time.</summary>
public sealed class IndexModel(SanatoriumDbContext db, IStringLocalizer<EnquiryResource> text) : AdminPageModel
{
    public const int PageSize = 30;

    /// <summary>Longer than any name, address or phone an enquiry holds.</summary>
    public const int MaxSearchLength = 254;

    /// <summary>More pages than the inbox will ever have; a bound so that no page number overflows the offset.</summary>
    private const int MaxPage = 100_000;

    [BindProperty(SupportsGet = true, Name = "status")]
    public EnquiryStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<EnquiryRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public bool HasNext { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var enquiries = db.Enquiries.AsNoTracking();
        if (Status is { } status && Enum.IsDefined(status))
        {
            enquiries = enquiries.Where(e => e.Status == status);
        }

        var term = (Search ?? "").Trim();
        if (term.Length > MaxSearchLength)
        {
            ModelState.AddModelError(nameof(Search), text["SearchTooLong", MaxSearchLength]);
            enquiries = enquiries.Where(e => false);
        }
        else if (term.Length > 0)
        {
            var pattern = "%" + SubscriberFilterPageModel.EscapeLike(term) + "%";
            enquiries = enquiries.Where(e => EF.Functions.ILike(e.Name, pattern, "\\")
                || EF.Functions.ILike(e.Email!, pattern, "\\")
                || EF.Functions.ILike(e.Phone!, pattern, "\\"));
        }

        PageNumber = Math.Clamp(PageNumber, 1, MaxPage);
        Total = await enquiries.CountAsync(cancellationToken);
        var rows = await enquiries
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(e => new EnquiryRow(e.Id, e.CreatedAt, e.Name, e.Phone, e.Email, e.Arrival, e.Departure, e.Guests, e.Status, e.Assignee, e.Language, e.ErasedAt != null))
            .ToListAsync(cancellationToken);
        HasNext = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }

    /// <summary>The query string of this list's filter on page <paramref name="page"/>.</summary>
    public string Link(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status?.ToString().ToLowerInvariant(),
        ["q"] = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
        ["p"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
    }.Where(f => f.Value is not null)).ToUriComponent();

    public sealed record EnquiryRow(
        long Id,
        DateTimeOffset CreatedAt,
        string Name,
        string? Phone,
        string? Email,
        DateOnly? Arrival,
        DateOnly? Departure,
        int? Guests,
        EnquiryStatus Status,
        string? Assignee,
        Language Language,
        bool Erased);
}
