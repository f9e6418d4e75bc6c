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

        if (await CountAttemptAsync(user.Id, knownAccounts.Contains(user.Id)) is { } pausedUntil)
        {
            VerifyNobodys(password);
            return (null, $"password not checked: paused until {pausedUntil:u}");
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            return (null, "wrong password");
        }

        var userId = user.Id;
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.FailedLogins, 0)
            .SetProperty(u => u.LoginPausedUntil, (DateTimeOffset?)null));
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
    /// Counts the attempt as a wrong password before its check (a right one takes it back), unless the
    /// account's check is paused: then returns until when. The account's row is locked meanwhile, so
    /// attempts at the same moment are counted one after another and cannot together get more checks
    /// than the count allows.
    /// </summary>
    private async Task<DateTimeOffset?> CountAttemptAsync(string userId, bool knownBrowser)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var account = (await db.Database
            .SqlQuery<ThrottleState>($"""SELECT "FailedLogins", "LoginPausedUntil" FROM "AspNetUsers" WHERE "Id" = {userId} FOR UPDATE""")
            .ToListAsync()).Single();
        var now = time.GetUtcNow();
        if (account.LoginPausedUntil > now && !knownBrowser)
        {
            return account.LoginPausedUntil;
        }

        var failures = account.FailedLogins + 1;
        DateTimeOffset? pausedUntil = failures < FreeFailures ? null : now + Pause(failures);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.FailedLogins, failures)
            .SetProperty(u => u.LoginPausedUntil, pausedUntil));
        await transaction.CommitAsync();
        return null;
    }

    private void VerifyNobodys(string password)
    {
        nobodysHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, nobodysHash, password);
    }

    private sealed record ThrottleState(int FailedLogins, DateTimeOffset? LoginPausedUntil);
}
