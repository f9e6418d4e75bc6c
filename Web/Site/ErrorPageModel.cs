using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Sanatorium.Web.Site.Observability;

namespace Sanatorium.Web.Site;

/// <summary>
/// A page that explains why another request failed (the error and status pages). The exception
/// handler and the status-code pages run it with the method of that request, whatever it was (PUT,
/// PROPFIND, a made-up one), so it answers every method with its GET handler. It binds nothing from
/// the request, whose form may be the very thing that was refused. Opened directly, it explains
/// nothing: it is an address that leads nowhere. See docs/decisions/0014-error-answers.md.
/// </summary>
[IgnoreAntiforgeryToken]
public abstract class ErrorPageModel : SitePageModel
{
    /// <summary>The failed request's id, shown so that a visitor can quote it (docs/decisions/0032-logs-and-metrics.md).</summary>
    public string CorrelationId => Observability.CorrelationId.Of(HttpContext);

    public override void OnPageHandlerSelected(PageHandlerSelectedContext context) =>
        context.HandlerMethod ??= context.ActionDescriptor.HandlerMethods.Single(h => h.HttpMethod == "Get");

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is null && HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            context.Result = NotFound();
        }
    }
}
