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

namespace Sanatorium.Web.Areas.Admin.Pages.Prices;

/// <summary>Deleting a stay package, after a confirmation; refused when someone changed it since the confirmation was shown.</summary>
public sealed class DeleteModel(SanatoriumDbContext db, AuditLog audit, SiteChanges changes, IStringLocalizer<LegalResource> text) : AdminPageModel
{
    public string Name { get; private set; } = "";

    public uint Version { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.StayPackages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } package)
        {
            return NotFound();
        }

        (Name, Version) = (package.NameRu, package.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromForm(Name = "Version")] string? version, CancellationToken cancellationToken)
    {
        if (await db.StayPackages.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } package)
        {
            return NotFound();
        }

        (Name, Version) = (package.NameRu, package.Version);
        if (!uint.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var opened))
        {
            return Conflict();
        }

        db.Entry(package).Property(p => p.Version).OriginalValue = opened;
        db.StayPackages.Remove(package);
        audit.Record(StaffName, AuditActions.StayPackageDeleted, "stay-package:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture), EditModel.Describe(package));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict();
        }

        await changes.NotifyAsync(cancellationToken);
        StatusMessage = text["PackageDeleted", Name];
        return RedirectToPage("./Index");
    }

    private PageResult Conflict()
    {
        ModelState.AddModelError("", text["ChangedMeanwhile"]);
        return Page();
    }
}
