using Microsoft.AspNetCore.Identity;

namespace Sanatorium.Infrastructure.Identity;

/// <summary>A member of the resort's staff who can log in to the back office.</summary>
public sealed class ApplicationUser : IdentityUser
{
}
