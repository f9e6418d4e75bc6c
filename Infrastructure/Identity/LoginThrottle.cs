using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Infrastructure.Identity;

/// <summary>
/// The password check of the login page (docs/decisions/0013-login-throttling.md). Every check costs
/// one password hash, the account's or a stand-in's, so an address that belongs to nobody takes as
/// long to refuse as one that does. After <see cref="FreeFailures"/> wrong passwords in a row the
/// account's password is not checked for a pause that doubles with each further wrong one, except
/// from a browser where it was right before. Nothing here locks an account.
/// </summary>
public sealed class LoginThrottle(
    UserManager<ApplicationUser> users,
    IPasswordHasher<ApplicationUser> hasher,
    SanatoriumDbContext db,
    TimeProvider time)
{
    /// <summary>Wrong passwords in a row before the check pauses.</summary>
    public const int FreeFailures = 5;

    private static readonly TimeSpan FirstPause = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan LongestPause = TimeSpan.FromHours(1);

    private static readonly ApplicationUser Nobody = new();

    /// <summary>The hash of nobody's password, made by the site's own hasher (so it costs the same to verify).</summary>
    private static string? nobodysHash;

    /// <summary>
    /// The account when <paramref name="password"/> is its password and may be checked now; otherwise
    /// null and why, for the audit log only (the visitor is told the same in every case).
    /// </summary>
    /// <param name="knownAccounts">Ids of the accounts whose password was right in this browser before: checked even during a pause.</param>
    public async Task<(ApplicationUser? User, string Failure)> CheckAsync(string email, string password, IReadOnlySet<string> knownAccounts)
    {
        var user = await users.FindByEmailAsync(email);
        if (user?.PasswordHash is null)
        {
            VerifyNobodys(password);
            return (null, user is null ? "no such member of staff" : "no password set yet");
        }

        var now = time.GetUtcNow();
        if (user.LoginPausedUntil > now && !knownAccounts.Contains(user.Id))
        {
            VerifyNobodys(password);
            return (null, $"password not checked: paused until {user.LoginPausedUntil:u}");
        }

        // Counted as wrong before the check (a right one takes it back), so that attempts sent at
        // the same moment cannot together check more passwords than the count allows.
        if (!await SaveAsync(user, user.FailedLogins + 1, now))
        {
            VerifyNobodys(password);
            return (null, "password not checked: another attempt at the same moment");
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            return (null, "wrong password");
        }

        await SaveAsync(user, 0, now);
        return (user, "");
    }

    /// <summary>How long the check pauses after the given number of wrong passwords in a row: one minute, doubling up to an hour.</summary>
    private static TimeSpan Pause(int failures)
    {
        if (failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var pause = FirstPause * Math.Pow(2, Math.Min(failures - FreeFailures, 16));
        return pause < LongestPause ? pause : LongestPause;
    }

    /// <summary>
    /// Saves the count and its pause, unless another request changed the account since it was read
    /// (Identity's concurrency stamp): then nothing is saved and the account is read again.
    /// </summary>
    private async Task<bool> SaveAsync(ApplicationUser user, int failures, DateTimeOffset now)
    {
        user.FailedLogins = failures;
        user.LoginPausedUntil = failures < FreeFailures ? null : now + Pause(failures);
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            await db.Entry(user).ReloadAsync();
            return false;
        }
    }

    private void VerifyNobodys(string password)
    {
        nobodysHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, nobodysHash, password);
    }
}
