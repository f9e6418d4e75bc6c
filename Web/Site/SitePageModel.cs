using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanatorium.Core;

namespace Sanatorium.Web.Site;

/// <summary>A public page: it knows its language and tells the layout its <see cref="PageMeta"/>.</summary>
public abstract class SitePageModel : PageModel
{
    protected static Language Lang => SiteLanguage.Current;

    [ViewData]
    public PageMeta? Meta { get; protected set; }
}
