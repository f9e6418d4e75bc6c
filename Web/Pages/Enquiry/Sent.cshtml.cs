using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Sanatorium.Web.Enquiries;
using Sanatorium.Web.Site;
using Sanatorium.Web.Site.OutputCaching;

namespace Sanatorium.Web.Pages.Enquiry;

/// <summary>"Thank you, we will contact you": the answer to every enquiry the form accepts (a bot's honeypot catch included).</summary>
[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class SentModel(IStringLocalizer<EnquiryResource> text) : SitePageModel
{
    public void OnGet() =>
        Meta = new PageMeta(text["SentTitle"], text["SentText"], SiteUrls.Everywhere(EnquiryUrls.Sent), NoIndex: true);
}
