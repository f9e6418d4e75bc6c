using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Sanatorium.Web.Site;

/// <summary>
/// A page takes the methods it has handlers for (GET brings HEAD along; a page without handlers takes
/// GET and HEAD), so routing answers any other method with 405 and an Allow header instead of running
/// the page without a handler. The error pages take every method (see <see cref="ErrorPageModel"/>).
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
    }
}
