using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sanatorium.Infrastructure.Options;

namespace Sanatorium.Infrastructure.Identity;

/// <summary>Creates the roles, and the first administrator from <c>Admin:*</c> when nobody can log in yet.</summary>
public sealed class AdministratorSeeder(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<AdminOptions> options,
    ILogger<AdministratorSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create the role {role}");
            }
        }

        if (await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var (email, password) = (options.Value.Email, options.Value.Password);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            logger.LogWarning(
                "Nobody can log in to the back office yet: set Admin:Email and Admin:Password to create the first administrator.");
            return;
        }

        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            // The site keeps serving visitors; the operator fixes the setting and restarts.
            logger.LogError(
                "The first administrator (Admin:Email) was not created: {Errors} Fix Admin:Email / Admin:Password and restart.",
                string.Join(" ", created.Errors.Select(e => e.Code)));
            return;
        }

        Check(await users.AddToRoleAsync(user, Roles.Administrator), $"make {email} an administrator");
        logger.LogInformation("Created the first administrator (Admin:Email).");
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
