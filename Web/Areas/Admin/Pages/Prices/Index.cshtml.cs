using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;

namespace Sanatorium.Web.Areas.Admin.Pages.Prices;

/// <summary>Every stay package in the prices page's order, ended ones included and marked.</summary>
public sealed class IndexModel(SanatoriumDbContext db, TimeProvider time) : AdminPageModel
{
    public IReadOnlyList<StayPackage> Packages { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = ResortClock.Today(time);
        Packages = await db.StayPackages.AsNoTracking()
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
    }
}
