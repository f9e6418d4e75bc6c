using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Newsletters;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Marketing;

namespace Sanatorium.Web.Areas.Admin.Pages.Marketing.Campaigns;

/// <summary>
/// A campaign going out: its ledger's counts, rate and time left, and why it waits when the mail server
/// does not answer. Correct at every reload; a small script polls the status handler and updates the
/// numbers in place. Pause and resume are here; cancelling asks first (<see cref="CancelModel"/>).
/// </summary>
public sealed class ProgressModel(
    SanatoriumDbContext db,
    CampaignLedger ledger,
    CampaignControl control,
    TimeProvider time,
    IStringLocalizer<CampaignReportResource> text) : AdminPageModel
{
    public CampaignSummary Campaign { get; private set; } = null!;

    public CampaignProgressView Progress { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await CampaignSummary.FindAsync(db, id, cancellationToken) is not { } campaign)
        {
            return NotFound();
        }

        if (!campaign.HasStarted)
        {
            return Redirect(campaign.EditorPath);
        }

        Campaign = campaign;
        Progress = await ViewAsync(campaign, cancellationToken);
        return Page();
    }

    /// <summary>The numbers the page shows, for its script.</summary>
    public async Task<IActionResult> OnGetStatusAsync(long id, CancellationToken cancellationToken) =>
        await CampaignSummary.FindAsync(db, id, cancellationToken) is { } campaign
            ? new JsonResult(await ViewAsync(campaign, cancellationToken))
            : NotFound();

    public Task<IActionResult> OnPostPauseAsync(long id, CancellationToken cancellationToken) =>
        MoveAsync(id, CampaignMove.Pause, cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(long id, CancellationToken cancellationToken) =>
        MoveAsync(id, CampaignMove.Resume, cancellationToken);

    private async Task<IActionResult> MoveAsync(long id, CampaignMove move, CancellationToken cancellationToken)
    {
        if (await control.MoveAsync(id, move, StaffName, cancellationToken) is not { } result)
        {
            return NotFound();
        }

        StatusMessage = result.Message;
        return RedirectToPage(new { id });
    }

    private async Task<CampaignProgressView> ViewAsync(CampaignSummary campaign, CancellationToken cancellationToken) =>
        CampaignProgressView.Of(campaign, await ledger.ProgressAsync(campaign.Id, cancellationToken), time.GetUtcNow(), text);
}
