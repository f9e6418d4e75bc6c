using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Site;
using Sanatorium.Core.Audit;

namespace Sanatorium.Web.Areas.Admin.Pages.Content;

/// <summary>The phone in the header and the address in the footer; a change shows on the site at once.</summary>
public sealed class ContactsModel(
    SanatoriumDbContext db,
    AuditLog audit,
    SiteContacts contacts,
    IStringLocalizer<AdminResource> text) : AdminPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await db.ContactDetails.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        Input = new InputModel
        {
            Phone = current?.Phone,
            AddressRu = current?.AddressRu ?? "",
            AddressEn = current?.AddressEn ?? "",
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var details = await db.ContactDetails.FirstOrDefaultAsync(cancellationToken);
        if (details is null)
        {
            db.ContactDetails.Add(new ContactDetails(Input.Phone ?? "", Input.AddressRu, Input.AddressEn));
        }
        else
        {
            details.Update(Input.Phone ?? "", Input.AddressRu, Input.AddressEn);
        }

        audit.Record(StaffName, AuditActions.ContactsSaved, "contacts", $"{Input.Phone}; {Input.AddressRu}; {Input.AddressEn}");
        await db.SaveChangesAsync(cancellationToken);
        contacts.Forget();
        StatusMessage = text["ContactsSaved"];
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [RegularExpression(@"^\+?[0-9][0-9 ()\-]{4,38}$", ErrorMessage = "PhoneInvalid")]
        [Display(Name = "Phone")]
        public string? Phone { get; set; }

        [Required(ErrorMessage = "AddressRequired")]
        [StringLength(300, ErrorMessage = "TooLong")]
        [Display(Name = "AddressRu")]
        public string AddressRu { get; set; } = "";

        [Required(ErrorMessage = "AddressRequired")]
        [StringLength(300, ErrorMessage = "TooLong")]
        [Display(Name = "AddressEn")]
        public string AddressEn { get; set; } = "";
    }
}
