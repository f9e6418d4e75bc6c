using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Site;
using Sanatorium.Web.Site.OutputCaching;

namespace Sanatorium.Web.Pages;

/// <summary>
/// Who operates the resort: only the fields the back office filled in; an English field left empty
/// shows the Russian text (marked as Russian). With nothing filled in, the page says the details are
/// being prepared and asks search engines not to index it.
/// </summary>
[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class OperatorDetailsModel(SanatoriumDbContext db, IStringLocalizer<LegalResource> text) : SitePageModel
{
    public IReadOnlyList<Detail> Details { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var details = await db.OperatorDetails.AsNoTracking().FirstOrDefaultAsync(o => o.Id == Core.Content.OperatorDetails.SingleId, cancellationToken);
        Details = details is null ? [] : new[]
            {
                Translated("LegalName", details.LegalNameRu, details.LegalNameEn),
                new Detail(text["Inn"], details.Inn, null),
                new Detail(text["Ogrn"], details.Ogrn, null),
                Translated("LegalAddress", details.LegalAddressRu, details.LegalAddressEn),
                Translated("Licence", details.LicenceRu, details.LicenceEn),
            }
            .Where(d => d.Value.Length > 0)
            .ToList();
        Meta = new PageMeta(text["OperatorTitle"], text["OperatorDescription"], SiteUrls.Everywhere(SiteUrls.OperatorDetails), NoIndex: Details.Count == 0);
    }

    /// <summary>Whether anything is filled in (the sitemap lists the page only then).</summary>
    public static Task<bool> AnyFilledAsync(SanatoriumDbContext db, CancellationToken cancellationToken) =>
        db.OperatorDetails.AnyAsync(o => o.LegalNameRu != "" || o.Inn != "" || o.Ogrn != "" || o.LegalAddressRu != "" || o.LicenceRu != "", cancellationToken);

    private Detail Translated(string label, string russian, string english) =>
        Lang == Language.En && english.Length == 0
            ? new Detail(text[label], russian, russian.Length > 0 ? Language.Ru.Code() : null)
            : new Detail(text[label], Lang == Language.En ? english : russian, null);

    /// <summary>One line of the details; <see cref="Lang"/> is set when the value is in another language than the page.</summary>
    public sealed record Detail(string Label, string Value, string? Lang);
}
