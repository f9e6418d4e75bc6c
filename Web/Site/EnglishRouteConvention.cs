using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Sanatorium.Web.Site;

/// <summary>Gives every public page a second route under /en/ (see docs/decisions/0002-url-scheme.md).</summary>
internal sealed class EnglishRouteConvention : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        if (model.AreaName is not null)
        {
            return;
        }

        foreach (var selector in model.Selectors.ToList())
        {
            var template = selector.AttributeRouteModel?.Template?.TrimStart('/') ?? "";
            model.Selectors.Add(new SelectorModel
            {
                AttributeRouteModel = new AttributeRouteModel
                {
                    Template = AttributeRouteModel.CombineTemplates("en", template),
                },
            });
        }
    }
}
