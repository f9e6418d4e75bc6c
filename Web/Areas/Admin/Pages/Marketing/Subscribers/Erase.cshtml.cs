using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Audit;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Subscribers;
using Sanatorium.Web.Admin;

namespace Sanatorium.Web.Areas.Admin.Pages.Marketing.Subscribers;

/// <summary>
/// Erasing a subscriber (a request under 152-FZ), after a confirmation: the row goes, and with it
/// their history and any mail still waiting for them; a keyed hash of the address stays on the
/// suppression list so that no import brings it back. The audit log names the subscriber by id only.
/// </summary>
public sealed class EraseModel(
    SanatoriumDbContext db,
    SubscriberHasher hasher,
    AuditLog audit,
    TimeProvider time,
    IStringLocalizer<AdminResource> text) : AdminPageModel
{
    public long Id { get; private set; }

    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await db.Subscribers.Where(s => s.Id == id).Select(s => s.Email).FirstOrDefaultAsync(cancellationToken) is not { } email)
        {
            return NotFound();
        }

        (Id, Email) = (id, email);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (await db.Subscribers.Where(s => s.Id == id).Select(s => s.Email).FirstOrDefaultAsync(cancellationToken) is not { } email)
        {
            return NotFound();
        }

        var hash = await hasher.HashAsync(email, cancellationToken);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Events and outbox mail go with the row (ON DELETE CASCADE). Of two erasures at once, the
        // second waits for the first's row lock and then deletes nothing.
        if (await db.Subscribers.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return Erased();
        }

        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "SuppressedAddresses" ("EmailHash", "At") VALUES ({hash}, {now}) ON CONFLICT DO NOTHING""",
            cancellationToken);
        audit.Record(StaffName, AuditActions.SubscriberErased, DetailsModel.Target(id));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Erased();
    }

    private RedirectResult Erased()
    {
        StatusMessage = text["SubscriberErased"];
        return Redirect("/admin/marketing/subscribers");
    }
}
