using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Caching;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Content;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Areas.Admin.Pages.Prices;

/// <summary>
/// Adds a stay package (no id) or edits one. A save over a change someone else saved since the form
/// was opened is refused (the row's xmin), so neither silently undoes the other.
/// </summary>
public sealed class EditModel(
    SanatoriumDbContext db,
    AuditLog audit,
    SiteChanges changes,
    TimeProvider time,
    ContentRenderer markdown,
    IStringLocalizer<LegalResource> text) : AdminPageModel
{
    [BindProperty]
    public StayPackageForm Input { get; set; } = new();

    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is null)
        {
            return Page();
        }

        if (await db.StayPackages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } package)
        {
            return NotFound();
        }

        Input = StayPackageForm.From(package);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        var package = id is null ? new StayPackage() : await db.StayPackages.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (package is null)
        {
            return NotFound();
        }

        if (!Input.TryWrite(package, ModelState, text, markdown))
        {
            return Page();
        }

        (package.UpdatedAt, package.UpdatedBy) = (time.GetUtcNow(), StaffName);
        if (id is null)
        {
            db.StayPackages.Add(package);
        }
        else if (Input.OpenedVersion() is { } opened)
        {
            db.Entry(package).Property(p => p.Version).OriginalValue = opened;
        }
        else
        {
            return Conflict();
        }

        audit.Record(StaffName, id is null ? AuditActions.StayPackageCreated : AuditActions.StayPackageSaved, "stay-package:" + (id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "new"), Describe(package));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict();
        }

        await changes.NotifyAsync(cancellationToken);
        StatusMessage = text[id is null ? "PackageCreated" : "PackageSaved", package.NameRu];
        return RedirectToPage("./Index");
    }

    /// <summary>What the audit log keeps of a save: the figures and the names, enough to see what changed.</summary>
    internal static string Describe(StayPackage package) =>
        $"{package.NameRu} / {package.NameEn}; {package.Nights}; {package.PricePerPerson.ToString(System.Globalization.CultureInfo.InvariantCulture)}; {package.ValidFrom:yyyy-MM-dd}..{package.ValidTo:yyyy-MM-dd}";

    /// <summary>The form again, with the message that someone else changed the package meanwhile; nothing is saved.</summary>
    private PageResult Conflict()
    {
        ModelState.AddModelError("", text["ChangedMeanwhile"]);
        return Page();
    }
}
