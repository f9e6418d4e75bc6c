using Microsoft.Extensions.Caching.Memory;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Marketing;

namespace Sanatorium.Web.Areas.Admin.Pages.Marketing;

/// <summary>The marketing dashboard: subscribers per status, and the last weeks' confirmations and departures as a chart and a table.</summary>
public sealed class IndexModel(SanatoriumDbContext db, IMemoryCache cache, TimeProvider time) : AdminPageModel
{
    public GrowthReport Report { get; private set; } = null!;

    public GrowthChart Chart { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Report = await SubscriberGrowth.ReportAsync(db, cache, time, cancellationToken);
        Chart = new GrowthChart(Report);
    }
}
