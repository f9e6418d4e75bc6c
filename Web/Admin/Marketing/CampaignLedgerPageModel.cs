using Microsoft.AspNetCore.Mvc.Filters;

namespace Sanatorium.Web.Admin.Marketing;

/// <summary>
/// A page about a campaign's ledger (progress, cancel, report). A request that reaches none of its
/// handlers (a POST without a handler name, a POST naming a GET handler) answers 400: Razor Pages would
/// otherwise render the page without running any handler, with nothing loaded.
/// </summary>
public abstract class CampaignLedgerPageModel : AdminPageModel
{
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null)
        {
            context.Result = BadRequest();
        }
    }
}
