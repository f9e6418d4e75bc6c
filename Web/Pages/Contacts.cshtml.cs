using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Content;
using Sanatorium.Web.Site;
using Sanatorium.Web.Site.OutputCaching;

namespace Sanatorium.Web.Pages;

/// <summary>The resort's contacts: address, phone, e-mail, how to get there, the map link and the way to the enquiry form.</summary>
[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class ContactsModel(SiteContacts contacts, IStringLocalizer<EnquiryResource> text) : SitePageModel
{
    public ContactDetails? Details { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Details = await contacts.GetAsync(cancellationToken);
        Meta = new PageMeta(text["ContactsTitle"], text["ContactsDescription"], SiteUrls.Everywhere(SiteUrls.Contacts));
    }
}
