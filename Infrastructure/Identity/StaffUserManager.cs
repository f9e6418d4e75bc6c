using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Infrastructure.Identity;

/// <summary>
/// Identity's <see cref="UserManager{TUser}"/>, safe for logins to one account at the same moment.
/// Identity counts a wrong second-factor code by saving the whole user under its concurrency stamp,
/// so of several at once all but one failed, were not counted, and left the failed change in the
/// unit of work for the next save (the audit entry's) to throw on. Here the count is one UPDATE
/// that PostgreSQL applies to the row as it is, and a refused change leaves nothing behind.
/// </summary>
public sealed class StaffUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger,
    SanatoriumDbContext db,
    TimeProvider time)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    /// <summary>
    /// Gives an account its first authenticator key, keeping its security stamp. Identity's
    /// <see cref="UserManager{TUser}.ResetAuthenticatorKeyAsync"/> changes the stamp, which ends every
    /// other session at once: right when a key in use is replaced, needless for the first one, and it
    /// logged out the second tab of a set-up opened twice. Of two at the same moment one key is stored;
    /// the other call fails and leaves nothing behind (<see cref="UpdateUserAsync"/>).
    /// </summary>
    public async Task<IdentityResult> CreateAuthenticatorKeyAsync(ApplicationUser user)
    {
        var keys = (IUserAuthenticatorKeyStore<ApplicationUser>)Store;
        await keys.SetAuthenticatorKeyAsync(user, GenerateNewAuthenticatorKey(), CancellationToken);
        return await UpdateUserAsync(user);
    }

    /// <summary>
    /// Counts a failed attempt; the one that reaches <see cref="LockoutOptions.MaxFailedAccessAttempts"/>
    /// locks the account for <see cref="LockoutOptions.DefaultLockoutTimeSpan"/> and starts the count
    /// again, as Identity does, but never shortens a longer lock (an administrator's).
    /// </summary>
    public override async Task<IdentityResult> AccessFailedAsync(ApplicationUser user)
    {
        var limit = Options.Lockout.MaxFailedAccessAttempts;
        var lockedUntil = time.GetUtcNow() + Options.Lockout.DefaultLockoutTimeSpan;
        var (userId, stamp) = (user.Id, Guid.NewGuid().ToString());
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.LockoutEnd, u => u.AccessFailedCount + 1 < limit || u.LockoutEnd > lockedUntil ? u.LockoutEnd : lockedUntil)
            .SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1 < limit ? u.AccessFailedCount + 1 : 0)
            .SetProperty(u => u.ConcurrencyStamp, stamp));
        await db.Entry(user).ReloadAsync();
        return IdentityResult.Success;
    }

    /// <summary>Starts the count of failed attempts again (a right code, an administrator's unlock).</summary>
    public override async Task<IdentityResult> ResetAccessFailedCountAsync(ApplicationUser user)
    {
        var (userId, stamp) = (user.Id, Guid.NewGuid().ToString());
        var reset = await db.Users.Where(u => u.Id == userId && u.AccessFailedCount != 0).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.AccessFailedCount, 0)
            .SetProperty(u => u.ConcurrencyStamp, stamp));
        if (reset > 0)
        {
            await db.Entry(user).ReloadAsync();
        }

        return IdentityResult.Success;
    }

    /// <summary>
    /// Saves the user with the tokens, roles and claims changed with it. When that is refused (invalid,
    /// changed by another request since it was read, or a token another request added at the same
    /// moment) it forgets the change, so that a later save in the same request (its audit entry)
    /// neither throws on it nor saves half of it.
    /// </summary>
    protected override async Task<IdentityResult> UpdateUserAsync(ApplicationUser user)
    {
        IdentityResult result;
        try
        {
            result = await base.UpdateUserAsync(user);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            result = IdentityResult.Failed(ErrorDescriber.ConcurrencyFailure());
        }

        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
        }

        return result;
    }
}
