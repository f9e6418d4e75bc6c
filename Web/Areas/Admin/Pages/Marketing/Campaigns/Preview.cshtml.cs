using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Newsletter;

namespace Sanatorium.Web.Areas.Admin.Pages.Marketing.Campaigns;

/// <summary>
/// The campaign's mail in one language, the HTML part itself as a subscriber's mail client gets it
/// (links lead straight to their addresses, the unsubscribe link unsubscribes nobody). It is served
/// under a policy of its own: no script at all (the CSP sandbox, and default-src 'none'), the inline
/// styles mail needs, pictures from anywhere as in a mail client, and framing by our own pages only,
/// so the editor can show it in a sandboxed iframe and a marketer can also open it on its own.
/// </summary>
public sealed class PreviewModel(SanatoriumDbContext db, CampaignMails mails) : AdminPageModel
{
    public const string Policy =
        "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'self'; sandbox allow-popups allow-popups-to-escape-sandbox";

    public async Task<IActionResult> OnGetAsync(long id, string lang, CancellationToken cancellationToken)
    {
        if (!Languages.TryParse(lang, out var language)
            || await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign)
        {
            return NotFound();
        }

        var mail = await mails.PreviewAsync(campaign, language, cancellationToken);
        Response.Headers.ContentSecurityPolicy = Policy;
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        Response.Headers.CacheControl = "no-store";
        return Content(mail.Html, "text/html; charset=utf-8");
    }
}
