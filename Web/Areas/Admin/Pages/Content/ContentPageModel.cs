using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Sanatorium.Core.Content;
using Sanatorium.Web.Admin;

namespace Sanatorium.Web.Areas.Admin.Pages.Content;

/// <summary>A back office page about one kind of content, named by the {kind} segment of its URL; an unknown kind is 404.</summary>
public abstract class ContentPageModel : AdminPageModel
{
    [FromRoute(Name = "kind")]
    public string Segment { get; set; } = "";

    public ContentKind Kind { get; private set; }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (ContentKinds.TryParse(Segment, out var kind))
        {
            Kind = kind;
            Segment = ContentKinds.Segment(kind);
        }
        else
        {
            context.Result = NotFound();
        }
    }
}
