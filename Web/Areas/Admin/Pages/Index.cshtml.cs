using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;

namespace Sanatorium.Web.Areas.Admin.Pages;

/// <summary>The back office home: what there is, and what happened lately.</summary>
public sealed class IndexModel(SanatoriumDbContext db) : AdminPageModel
{
    public int Treatments { get; private set; }

    public int Profiles { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Treatments = await db.Treatments.CountAsync(cancellationToken);
        Profiles = await db.Profiles.CountAsync(cancellationToken);
    }
}
