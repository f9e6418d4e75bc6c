using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Sanatorium.Web.Newsletter;
using Sanatorium.Web.Site;
using Sanatorium.Web.Site.OutputCaching;

namespace Sanatorium.Web.Pages.Newsletter;

/// <summary>
/// "Check your inbox": the one answer to every subscription the form accepts, whether the address is
/// new, pending, confirmed, unsubscribed or a bot's honeypot catch, so that it tells nobody who is subscribed.
/// </summary>
[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class SentModel(IStringLocalizer<NewsletterResource> text) : SitePageModel
{
    public void OnGet() =>
        Meta = new PageMeta(text["SentTitle"], text["SentText"], SiteUrls.Everywhere(NewsletterUrls.Sent), NoIndex: true);
}
