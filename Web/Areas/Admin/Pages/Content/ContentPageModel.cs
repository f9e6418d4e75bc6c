using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Sanatorium.Core.Content;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Content;

namespace Sanatorium.Web.Areas.Admin.Pages.Content;

/// <summary>A back office page about one kind of content, named by the {kind} segment of its URL; an unknown kind is 404.</summary>
public abstract class ContentPageModel : AdminPageModel
{
    [FromRoute(Name = "kind")]
    public string Segment { get; set; } = "";

    /// <summary>The kind's back office section: its name, addresses and public partial.</summary>
    public ContentSection Section { get; private set; } = null!;

    public ContentKind Kind => Section.Kind;

    /// <summary>The kind's fields and what it has (a profile, dates, a picture).</summary>
    public ContentKindDescription Description => Kind.Describe();

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (ContentSections.TryParse(Segment, out var section))
        {
            Section = section;
        }
        else
        {
            context.Result = NotFound();
        }
    }
}
