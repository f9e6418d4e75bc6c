using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;

namespace Sanatorium.Web.Areas.Admin.Pages.Marketing.Imports;

/// <summary>The CSV imports of subscribers, newest first.</summary>
public sealed class IndexModel(SanatoriumDbContext db) : AdminPageModel
{
    private const int Shown = 100;

    public IReadOnlyList<SubscriberImport> Imports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Imports = await db.SubscriberImports.AsNoTracking().OrderByDescending(i => i.Id).Take(Shown).ToListAsync(cancellationToken);
}
