using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Caching;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;

namespace Sanatorium.Web.Areas.Admin.Pages.Operator;

/// <summary>
/// The operator's legal details for the public "operator details" page: administrators only (the
/// legal pages' texts are content that editors change; who the operator is, is not). Every field may
/// stay empty; INN and OGRN are checked with their check digits; an English text needs its Russian one.
/// </summary>
public sealed class IndexModel(SanatoriumDbContext db, AuditLog audit, SiteChanges changes, IStringLocalizer<LegalResource> text) : AdminPageModel
{
    /// <summary>The free-text fields and their limits (those of the table).</summary>
    public static readonly IReadOnlyList<(string Russian, string English, int MaxLength)> Texts =
    [
        (nameof(InputModel.LegalNameRu), nameof(InputModel.LegalNameEn), 300),
        (nameof(InputModel.LegalAddressRu), nameof(InputModel.LegalAddressEn), 300),
        (nameof(InputModel.LicenceRu), nameof(InputModel.LicenceEn), 2000),
    ];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var details = await db.OperatorDetails.AsNoTracking().FirstOrDefaultAsync(o => o.Id == OperatorDetails.SingleId, cancellationToken) ?? new OperatorDetails();
        Input = new InputModel
        {
            LegalNameRu = details.LegalNameRu,
            LegalNameEn = details.LegalNameEn,
            Inn = details.Inn,
            Ogrn = details.Ogrn,
            LegalAddressRu = details.LegalAddressRu,
            LegalAddressEn = details.LegalAddressEn,
            LicenceRu = details.LicenceRu,
            LicenceEn = details.LicenceEn,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var values = Input.Trimmed();
        foreach (var (russian, english, max) in Texts)
        {
            foreach (var field in new[] { russian, english }.Where(f => values[f].Length > max))
            {
                ModelState.AddModelError("Input." + field, text["TooLong", max]);
            }

            if (values[english].Length > 0 && values[russian].Length == 0)
            {
                ModelState.AddModelError("Input." + russian, text["RussianFirst"]);
            }
        }

        if (values[nameof(InputModel.Inn)] is { Length: > 0 } inn && !LegalNumbers.IsValidInn(inn))
        {
            ModelState.AddModelError("Input.Inn", text["InnInvalid"]);
        }

        if (values[nameof(InputModel.Ogrn)] is { Length: > 0 } ogrn && !LegalNumbers.IsValidOgrn(ogrn))
        {
            ModelState.AddModelError("Input.Ogrn", text["OgrnInvalid"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var details = await db.OperatorDetails.FirstOrDefaultAsync(o => o.Id == OperatorDetails.SingleId, cancellationToken);
        if (details is null)
        {
            details = new OperatorDetails();
            db.OperatorDetails.Add(details);
        }

        (details.LegalNameRu, details.LegalNameEn, details.Inn, details.Ogrn) =
            (values[nameof(InputModel.LegalNameRu)], values[nameof(InputModel.LegalNameEn)], values[nameof(InputModel.Inn)], values[nameof(InputModel.Ogrn)]);
        (details.LegalAddressRu, details.LegalAddressEn, details.LicenceRu, details.LicenceEn) =
            (values[nameof(InputModel.LegalAddressRu)], values[nameof(InputModel.LegalAddressEn)], values[nameof(InputModel.LicenceRu)], values[nameof(InputModel.LicenceEn)]);
        audit.Record(StaffName, AuditActions.OperatorDetailsSaved, "operator-details", string.Join("; ", values.Values.Where(v => v.Length > 0)));
        await db.SaveChangesAsync(cancellationToken);
        await changes.NotifyAsync(cancellationToken);
        StatusMessage = text["OperatorSaved"];
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        public string? LegalNameRu { get; set; }

        public string? LegalNameEn { get; set; }

        public string? Inn { get; set; }

        public string? Ogrn { get; set; }

        public string? LegalAddressRu { get; set; }

        public string? LegalAddressEn { get; set; }

        public string? LicenceRu { get; set; }

        public string? LicenceEn { get; set; }

        /// <summary>Every field by name, trimmed, empty when not sent; INN and OGRN without the spaces people type between digit groups.</summary>
        public Dictionary<string, string> Trimmed() => new()
        {
            [nameof(LegalNameRu)] = LegalNameRu?.Trim() ?? "",
            [nameof(LegalNameEn)] = LegalNameEn?.Trim() ?? "",
            [nameof(Inn)] = string.Concat((Inn ?? "").Where(c => !char.IsWhiteSpace(c))),
            [nameof(Ogrn)] = string.Concat((Ogrn ?? "").Where(c => !char.IsWhiteSpace(c))),
            [nameof(LegalAddressRu)] = LegalAddressRu?.Trim() ?? "",
            [nameof(LegalAddressEn)] = LegalAddressEn?.Trim() ?? "",
            [nameof(LicenceRu)] = LicenceRu?.Trim() ?? "",
            [nameof(LicenceEn)] = LicenceEn?.Trim() ?? "",
        };
    }
}
