using Microsoft.AspNetCore.Identity;

namespace Sanatorium.Infrastructure.Identity;

/// <summary>A member of the resort's staff who can log in to the back office.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>
    /// Wrong passwords in a row since the last right one (<see cref="LoginThrottle"/>); Identity's
    /// own <see cref="IdentityUser.AccessFailedCount"/> counts wrong second-factor codes.
    /// </summary>
    public int FailedLogins { get; set; }

    /// <summary>Until then a password is checked only from a browser this account has logged in with before.</summary>
    public DateTimeOffset? LoginPausedUntil { get; set; }

    /// <summary>
    /// The 30-second time step of the last authenticator code accepted: that code and earlier ones
    /// are spent (see <see cref="OneTimeAuthenticatorTokenProvider"/>, the only writer).
    /// </summary>
    public long? LastAuthenticatorTimeStep { get; set; }
}
