using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanatorium.Core;
using Sanatorium.Web.Site.Vision;

namespace Sanatorium.Web.Site;

/// <summary>A public page: it knows its language and tells the layout its <see cref="PageMeta"/>.</summary>
public abstract class SitePageModel : PageModel
{
    protected static Language Lang => SiteLanguage.Current;

    [ViewData]
    public PageMeta? Meta { get; protected set; }

    /// <summary>The settings of the version for the visually impaired this page is rendered with.</summary>
    public VisionSettings Vision => HttpContext.Vision();
}
