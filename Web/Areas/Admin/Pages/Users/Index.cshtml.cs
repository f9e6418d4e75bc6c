using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;

namespace Sanatorium.Web.Areas.Admin.Pages.Users;

/// <summary>The members of staff with their roles, two-factor state and lockout.</summary>
public sealed class IndexModel(SanatoriumDbContext db, TimeProvider time) : AdminPageModel
{
    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Staff = await db.Users
            .OrderBy(u => u.Email)
            .Select(u => new StaffRow(
                u.Id,
                u.Email!,
                u.TwoFactorEnabled,
                u.LockoutEnd,
                db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                    .OrderBy(name => name)
                    .ToList()))
            .ToListAsync(cancellationToken);
    }

    public sealed record StaffRow(string Id, string Email, bool TwoFactorEnabled, DateTimeOffset? LockoutEnd, List<string> Roles);
}
