using Microsoft.Extensions.Localization;
using Sanatorium.Web.Enquiries;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Pages.Enquiry;

/// <summary>"Thank you, we will contact you": the answer to every enquiry the form accepts (a bot's honeypot catch included).</summary>
public sealed class SentModel(IStringLocalizer<EnquiryResource> text) : SitePageModel
{
    public void OnGet() =>
        Meta = new PageMeta(text["SentTitle"], text["SentText"], SiteUrls.Everywhere(EnquiryUrls.Sent), NoIndex: true);
}
