using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Content;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Caching;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Areas.Admin.Pages.Content;

/// <summary>
/// The resort's contact details: the phone and e-mail in the header, the address in the footer, and
/// the contacts page (directions, map position); where enquiries are mailed. A change shows on the site at once.
/// </summary>
public sealed class ContactsModel(
    SanatoriumDbContext db,
    AuditLog audit,
    SiteChanges changes,
    ContentRenderer markdown,
    IStringLocalizer<AdminResource> text,
    IStringLocalizer<EnquiryResource> enquiryText) : AdminPageModel
{
    /// <summary>Longer directions than anyone reads on a contacts page.</summary>
    public const int MaxDirectionsLength = 8000;

    /// <summary>Degrees to more decimals than any map needs.</summary>
    public const int MaxCoordinateLength = 20;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await db.ContactDetails.AsNoTracking().FirstOrDefaultAsync(c => c.Id == ContactDetails.SingleId, cancellationToken);
        Input = new InputModel
        {
            Phone = current?.Phone,
            AddressRu = current?.AddressRu ?? "",
            AddressEn = current?.AddressEn ?? "",
            Email = current?.Email,
            EnquiryEmail = current?.EnquiryEmail,
            DirectionsRu = current?.DirectionsRu,
            DirectionsEn = current?.DirectionsEn,
            Latitude = current?.Latitude?.ToString(CultureInfo.InvariantCulture),
            Longitude = current?.Longitude?.ToString(CultureInfo.InvariantCulture),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = Address(nameof(InputModel.Email), Input.Email);
        var enquiryEmail = Address(nameof(InputModel.EnquiryEmail), Input.EnquiryEmail);
        CheckDirections(nameof(InputModel.DirectionsRu), Input.DirectionsRu);
        CheckDirections(nameof(InputModel.DirectionsEn), Input.DirectionsEn);
        var latitude = Coordinate(nameof(InputModel.Latitude), Input.Latitude, 90);
        var longitude = Coordinate(nameof(InputModel.Longitude), Input.Longitude, 180);
        if (latitude is null != longitude is null && ModelState.IsValid)
        {
            ModelState.AddModelError($"{nameof(Input)}.{(latitude is null ? nameof(InputModel.Latitude) : nameof(InputModel.Longitude))}", enquiryText["CoordinatesBoth"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var details = await db.ContactDetails.FirstOrDefaultAsync(c => c.Id == ContactDetails.SingleId, cancellationToken);
        if (details is null)
        {
            details = new ContactDetails(Input.Phone ?? "", Input.AddressRu, Input.AddressEn);
            db.ContactDetails.Add(details);
        }
        else
        {
            details.Update(Input.Phone ?? "", Input.AddressRu, Input.AddressEn);
        }

        details.Email = email;
        details.EnquiryEmail = enquiryEmail;
        details.DirectionsRu = (Input.DirectionsRu ?? "").Trim();
        details.DirectionsEn = (Input.DirectionsEn ?? "").Trim();
        (details.Latitude, details.Longitude) = (latitude, longitude);

        audit.Record(StaffName, AuditActions.ContactsSaved, "contacts",
            $"{Input.Phone}; {Input.AddressRu}; {Input.AddressEn}; {email}; {enquiryEmail}; {Input.Latitude} {Input.Longitude}");
        await db.SaveChangesAsync(cancellationToken);
        await changes.NotifyAsync(cancellationToken);
        StatusMessage = text["ContactsSaved"];
        return RedirectToPage();
    }

    /// <summary>An e-mail address as stored (normalised), empty when none is given; an error on the field when it is not one.</summary>
    private string Address(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        if (value.Length <= SubscriberEmail.MaxLength && SubscriberEmail.TryNormalize(value, out var address))
        {
            return address;
        }

        ModelState.AddModelError($"{nameof(Input)}.{field}", enquiryText["EmailInvalid"]);
        return "";
    }

    private void CheckDirections(string field, string? value)
    {
        if (value?.Length > MaxDirectionsLength)
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", enquiryText["DirectionsTooLong", MaxDirectionsLength]);
        }
        else if (value is not null && !markdown.CanRender(value))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", text["MarkdownTooDeep"]);
        }
    }

    /// <summary>Degrees with a point or a comma; null when not given, or with an error on the field when out of ±<paramref name="limit"/>.</summary>
    private double? Coordinate(string field, string? value, int limit)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length <= MaxCoordinateLength
            && double.TryParse(value.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var degrees)
            && Math.Abs(degrees) <= limit)
        {
            return degrees;
        }

        ModelState.AddModelError($"{nameof(Input)}.{field}", enquiryText[field + "Invalid"]);
        return null;
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

        public string? Email { get; set; }

        public string? EnquiryEmail { get; set; }

        public string? DirectionsRu { get; set; }

        public string? DirectionsEn { get; set; }

        public string? Latitude { get; set; }

        public string? Longitude { get; set; }
    }
}
