using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Newsletters;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Marketing;

namespace Sanatorium.Web.Areas.Admin.Pages.Marketing.Campaigns;

/// <summary>A new campaign: its name and audience; the words follow in the editor.</summary>
public sealed class NewModel(SanatoriumDbContext db, AuditLog audit, TimeProvider time, IStringLocalizer<CampaignResource> text) : AdminPageModel
{
    [BindProperty]
    public CampaignForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.CheckHead(ModelState, text, out var audience))
        {
            return Page();
        }

        var campaign = new Campaign(Input.Name!, StaffName, time.GetUtcNow()) { AudienceLanguage = audience };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(StaffName, AuditActions.CampaignCreated, CampaignUrls.Target(campaign.Id), campaign.Name);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        StatusMessage = text["Created"];
        return Redirect(CampaignUrls.Edit(campaign.Id));
    }
}
