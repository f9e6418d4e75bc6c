using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Sanatorium.Web.Site;

/// <summary>
/// A page takes the methods it has handlers for (GET brings HEAD along; a page without handlers takes
/// GET and HEAD), so routing answers any other method with 405 and an Allow header instead of running
/// the page without a handler. A request of an allowed method that reaches no handler of the page (a POST
/// without a handler name to a page with named POST handlers only) answers 400: Razor Pages would
/// otherwise render the page with none of its handlers run and nothing loaded. The error pages take
/// every method (see <see cref="ErrorPageModel"/>).
/// </summary>
internal sealed class PageMethodsConvention : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        if (model.HandlerType.IsAssignableTo(typeof(ErrorPageModel)))
        {
            return;
        }

        var methods = model.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet();
        if (methods.Count == 0 || methods.Contains(HttpMethods.Get))
        {
            methods.UnionWith(ReadMethods.GetAndHead);
        }

        model.EndpointMetadata.Add(new HttpMethodMetadata(methods));
        if (model.HandlerMethods.Count > 0)
        {
            model.Filters.Add(new HandlerRequiredFilter());
        }
    }

    /// <summary>Answers 400 to a form sent to a page that has handlers when none of them takes it.</summary>
    private sealed class HandlerRequiredFilter : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            if (context.HandlerMethod is null && !ReadMethods.GetAndHead.Contains(context.HttpContext.Request.Method))
            {
                context.Result = new BadRequestResult();
            }
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }
}
