using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Site;
using Sanatorium.Web.Site.OutputCaching;

namespace Sanatorium.Web.Pages;

/// <summary>
/// The stay packages that have not ended, in the editors' order, with the note that prices are
/// informational. Without packages the page says so and asks search engines not to index it.
/// </summary>
[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class PricesModel(SanatoriumDbContext db, TimeProvider time, IStringLocalizer<LegalResource> text) : SitePageModel
{
    public IReadOnlyList<PriceRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var lang = Lang;
        Rows = (await Shown(db, time).ToListAsync(cancellationToken))
            .Select(p => new PriceRow(
                p.Name(lang),
                p.Nights,
                p.Included(lang),
                text["PriceFormat", Money(p.PricePerPerson)],
                Validity(p.ValidFrom, p.ValidTo)))
            .ToList();
        Meta = new PageMeta(text["PricesTitle"], text["PricesDescription"], SiteUrls.Everywhere(SiteUrls.Prices), NoIndex: Rows.Count == 0);
    }

    /// <summary>The packages visitors see today, in the editors' order (the sitemap lists the page only when there are any).</summary>
    public static IQueryable<StayPackage> Shown(SanatoriumDbContext db, TimeProvider time)
    {
        var today = ResortClock.Today(time);
        return db.StayPackages.AsNoTracking()
            .Where(p => p.ValidTo == null || p.ValidTo >= today)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id);
    }

    /// <summary>Rubles in the page's language: "45 000" or "45,000", kopecks only when there are any.</summary>
    private static string Money(decimal amount) =>
        amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", CultureInfo.CurrentCulture);

    private string Validity(DateOnly? from, DateOnly? to) => (from, to) switch
    {
        ({ } start, { } end) => text["ValidFromTo", Date(start), Date(end)],
        ({ } start, null) => text["ValidFrom", Date(start)],
        (null, { } end) => text["ValidTo", Date(end)],
        _ => text["ValidAlways"],
    };

    private static string Date(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public sealed record PriceRow(string Name, int Nights, string Included, string Price, string Validity);
}
