using Microsoft.AspNetCore.Mvc;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Marketing;

namespace Sanatorium.Web.Areas.Admin.Pages.Marketing.Campaigns;

/// <summary>Cancelling a campaign that is going out, after a confirmation (a page of its own, so it needs no script).</summary>
public sealed class CancelModel(SanatoriumDbContext db, CampaignControl control) : AdminPageModel
{
    public CampaignSummary Campaign { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await CampaignSummary.FindAsync(db, id, cancellationToken) is not { } campaign)
        {
            return NotFound();
        }

        if (!CampaignMove.Cancel.From.Contains(campaign.Status))
        {
            StatusMessage = control.Refused(campaign.Status);
            return Redirect(campaign.ProgressPath);
        }

        Campaign = campaign;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (await control.MoveAsync(id, CampaignMove.Cancel, StaffName, cancellationToken) is not { } result)
        {
            return NotFound();
        }

        StatusMessage = result.Message;
        return RedirectToPage(result.Moved ? "./Report" : "./Progress", new { id });
    }
}
