using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Newsletters;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;

namespace Sanatorium.Web.Areas.Admin.Pages.Marketing.Campaigns;

/// <summary>The campaigns, newest first, each linking to the page that fits where it is.</summary>
public sealed class IndexModel(SanatoriumDbContext db) : AdminPageModel
{
    public IReadOnlyList<CampaignRow> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Campaigns = await db.Campaigns.AsNoTracking()
            .IgnoreAutoIncludes()
            .OrderByDescending(c => c.Id)
            .Select(c => new CampaignRow(c.Id, c.Name, c.Status, c.AudienceLanguage, c.ScheduledAt, c.StartedAt, c.FinishedAt))
            .ToListAsync(cancellationToken);
}

public sealed record CampaignRow(
    long Id,
    string Name,
    CampaignStatus Status,
    Language? Audience,
    DateTimeOffset? ScheduledAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);
