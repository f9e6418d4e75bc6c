using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Core.Audit;

namespace Sanatorium.Infrastructure.Identity;

/// <summary>
/// Changes to staff accounts. Each runs in one transaction with its audit entry, so both are saved
/// or neither, under an advisory lock, so that two administrators acting at once cannot together
/// leave the back office without one. Refusals come back as <see cref="IdentityError"/>s whose
/// <see cref="IdentityError.Code"/> the pages translate.
/// </summary>
public sealed class StaffAccounts(
    SanatoriumDbContext db,
    UserManager<ApplicationUser> users,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>The advisory lock key for account changes (the database start-up uses another).</summary>
    internal const long LockKey = 7_214_530_112_002;

    /// <summary>The change would leave no administrator who can log in.</summary>
    public const string LastAdministrator = nameof(LastAdministrator);

    /// <summary>Nobody locks or deletes their own account.</summary>
    public const string OwnAccount = nameof(OwnAccount);

    /// <summary>
    /// Runs <paramref name="change"/> and, when it succeeds, records it in the audit log; the
    /// transaction is committed only then. A failed change leaves nothing behind.
    /// </summary>
    public async Task<IdentityResult> ChangeAsync(
        string actor,
        string action,
        ApplicationUser target,
        Func<Task<IdentityResult>> change,
        string details = "")
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})");
        var result = await change();
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return result;
        }

        audit.Record(actor, action, target.Email ?? target.Id, details);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return result;
    }

    /// <summary>
    /// A new member of staff with the given roles; without a password they set one through an e-mailed
    /// link, which <paramref name="invite"/> puts in the outbox in the same transaction.
    /// </summary>
    public Task<IdentityResult> CreateAsync(
        ClaimsPrincipal actor, ApplicationUser user, string? password, IReadOnlyCollection<string> roles, Func<Task> invite) =>
        ChangeAsync(Name(actor), AuditActions.UserCreated, user, async () =>
        {
            var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
            var result = created.Succeeded && roles.Count > 0 ? await users.AddToRolesAsync(user, roles) : created;
            if (result.Succeeded && password is null)
            {
                await invite();
            }

            return result;
        }, RoleList(roles) + (password is null ? "; set-password e-mail" : ""));

    public Task<IdentityResult> SetRolesAsync(ClaimsPrincipal actor, ApplicationUser user, IReadOnlyCollection<string> roles) =>
        ChangeAsync(Name(actor), AuditActions.UserRolesChanged, user, async () =>
        {
            var current = await users.GetRolesAsync(user);
            if (current.Contains(Roles.Administrator) && !roles.Contains(Roles.Administrator) && await IsLastAdministratorAsync(user))
            {
                return Refused(LastAdministrator);
            }

            return await ThenAsync(
                users.RemoveFromRolesAsync(user, current.Except(roles)),
                () => users.AddToRolesAsync(user, roles.Except(current)),
                () => users.UpdateSecurityStampAsync(user));
        }, RoleList(roles));

    /// <summary>
    /// Ends every session of the member of staff, this one included: the new security stamp makes
    /// every copy of their cookie fail its check at the next request (<see cref="StaffSessionValidator"/>).
    /// </summary>
    public Task<IdentityResult> EndSessionsAsync(ApplicationUser user, string action) =>
        ChangeAsync(user.Email ?? user.Id, action, user, () => users.UpdateSecurityStampAsync(user));

    /// <summary>An account an administrator locked stays locked until one unlocks it (a lockout after failed logins ends by itself).</summary>
    public static bool IsLockedByAdministrator(DateTimeOffset? lockoutEnd) => lockoutEnd == DateTimeOffset.MaxValue;

    /// <summary>Locks the account until an administrator unlocks it; its open sessions end at their next request.</summary>
    public Task<IdentityResult> LockAsync(ClaimsPrincipal actor, ApplicationUser user) =>
        ChangeAsync(Name(actor), AuditActions.UserLocked, user, async () =>
            await RefusalAsync(actor, user) ?? await ThenAsync(
                users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue),
                () => users.UpdateSecurityStampAsync(user)));

    public Task<IdentityResult> UnlockAsync(ClaimsPrincipal actor, ApplicationUser user) =>
        ChangeAsync(Name(actor), AuditActions.UserUnlocked, user, () => ThenAsync(
            users.SetLockoutEndDateAsync(user, null),
            () => users.ResetAccessFailedCountAsync(user)));

    public Task<IdentityResult> DeleteAsync(ClaimsPrincipal actor, ApplicationUser user) =>
        ChangeAsync(Name(actor), AuditActions.UserDeleted, user, async () =>
            await RefusalAsync(actor, user) ?? await users.DeleteAsync(user));

    /// <summary>Whether the user is an administrator and no other administrator can log in.</summary>
    public async Task<bool> IsLastAdministratorAsync(ApplicationUser user)
    {
        if (!await users.IsInRoleAsync(user, Roles.Administrator))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var administrators = await users.GetUsersInRoleAsync(Roles.Administrator);
        return !administrators.Any(a => a.Id != user.Id && (a.LockoutEnd is null || a.LockoutEnd <= now));
    }

    /// <summary>Why <paramref name="actor"/> may not lock or delete <paramref name="user"/>, or null.</summary>
    private async Task<IdentityResult?> RefusalAsync(ClaimsPrincipal actor, ApplicationUser user) =>
        users.GetUserId(actor) == user.Id ? Refused(OwnAccount)
        : await IsLastAdministratorAsync(user) ? Refused(LastAdministrator)
        : null;

    private static async Task<IdentityResult> ThenAsync(Task<IdentityResult> first, params Func<Task<IdentityResult>>[] rest)
    {
        var result = await first;
        foreach (var next in rest)
        {
            if (!result.Succeeded)
            {
                break;
            }

            result = await next();
        }

        return result;
    }

    private static IdentityResult Refused(string code) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = code });

    private static string Name(ClaimsPrincipal actor) => actor.Identity?.Name ?? "anonymous";

    private static string RoleList(IEnumerable<string> roles) => "roles: " + string.Join(", ", roles.Order());
}
