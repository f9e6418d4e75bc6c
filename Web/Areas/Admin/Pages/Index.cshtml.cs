using Microsoft.Extensions.Caching.Memory;
using Sanatorium.Infrastructure.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;

namespace Sanatorium.Web.Areas.Admin.Pages;

/// <summary>The back office home: what there is to do, for each role (see <see cref="Admin.Dashboard"/>).</summary>
public sealed class IndexModel(
    SanatoriumDbContext db,
    ContentEditor editor,
    ContentSchedule schedule,
    IMemoryCache cache,
    TimeProvider time) : AdminPageModel
{
    public Dashboard Dashboard { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Dashboard = await Dashboard.LoadAsync(User, db, editor, schedule, cache, time, cancellationToken);
}
