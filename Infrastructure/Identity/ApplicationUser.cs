using Microsoft.AspNetCore.Identity;

namespace Sanatorium.Infrastructure.Identity;

/// <summary>A member of the resort's staff who can log in to the back office.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>
    /// The 30-second time step of the last authenticator code accepted: that code and earlier ones
    /// are spent (see <see cref="OneTimeAuthenticatorTokenProvider"/>, the only writer).
    /// </summary>
    public long? LastAuthenticatorTimeStep { get; set; }
}
