using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Enquiries;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;

namespace Sanatorium.Web.Areas.Admin.Pages.Enquiries;

/// <summary>
/// One enquiry: what the visitor sent and their consent record, and the form that changes its status,
/// assignee and notes. Saves are checked against the version the form was read at (xmin), so of two
/// members of staff saving at once the second is told and overwrites nothing.
/// </summary>
public sealed class DetailsModel(
    SanatoriumDbContext db,
    AuditLog audit,
    UserManager<ApplicationUser> users,
    TimeProvider time,
    IStringLocalizer<EnquiryResource> text) : AdminPageModel
{
    public Enquiry Enquiry { get; private set; } = default!;

    public string? ProfileTitle { get; private set; }

    /// <summary>Whom it can be assigned to: everyone who may open the inbox, and whoever it is assigned to now.</summary>
    public IReadOnlyList<string> Staff { get; private set; } = [];

    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = ChangeInput.From(Enquiry);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!uint.TryParse(Input.Version, out var version))
        {
            return BadRequest();
        }

        // Exactly one of the values the form offers: the names of the statuses and the staff's addresses.
        var status = Enum.GetValues<EnquiryStatus>().Select(s => (EnquiryStatus?)s).FirstOrDefault(s => s.ToString() == Input.Status);
        if (status is null)
        {
            ModelState.AddModelError("Input.Status", text["StatusInvalid"]);
        }

        var assignee = string.IsNullOrEmpty(Input.Assignee) ? null : Input.Assignee;
        if (assignee is not null && !Staff.Contains(assignee, StringComparer.Ordinal))
        {
            ModelState.AddModelError("Input.Assignee", text["AssigneeInvalid"]);
        }

        var notes = (Input.Notes ?? "").Trim();
        if (notes.Length > Enquiry.MaxNotesLength || notes.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
        {
            ModelState.AddModelError("Input.Notes", text["NotesInvalid", Enquiry.MaxNotesLength]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Entry(Enquiry).Property(e => e.Version).OriginalValue = version;
        (Enquiry.Status, Enquiry.Assignee, Enquiry.Notes, Enquiry.UpdatedAt) = (status!.Value, assignee, notes, time.GetUtcNow());
        audit.Record(StaffName, AuditActions.EnquiryChanged, $"enquiry #{id}", $"{status}; {assignee ?? "-"}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved first: show what they saved, keep what this member of staff typed, and the new version to save over it knowingly.
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            Input.Version = Enquiry.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ModelState.AddModelError("", text["ChangedMeanwhile"]);
            return Page();
        }

        StatusMessage = text["EnquirySaved"];
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await db.Enquiries.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } enquiry)
        {
            return false;
        }

        Enquiry = enquiry;
        ProfileTitle = enquiry.ProfileId is { } profile
            ? await db.ProfileTranslations.Where(t => t.ProfileId == profile).OrderBy(t => t.Language).Select(t => t.Title).FirstOrDefaultAsync(cancellationToken)
            : null;
        var staff = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var role in AdminAccess.EnquiryRoles)
        {
            staff.UnionWith((await users.GetUsersInRoleAsync(role)).Select(u => u.Email!));
        }

        if (enquiry.Assignee is { } assignee)
        {
            staff.Add(assignee);
        }

        Staff = staff.ToList();
        return true;
    }

    public sealed class ChangeInput
    {
        public string? Status { get; set; }

        public string? Assignee { get; set; }

        public string? Notes { get; set; }

        /// <summary>The enquiry's xmin when the form was read.</summary>
        public string? Version { get; set; }

        public static ChangeInput From(Enquiry enquiry) => new()
        {
            Status = enquiry.Status.ToString(),
            Assignee = enquiry.Assignee,
            Notes = enquiry.Notes,
            Version = enquiry.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
