using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Identity;

namespace Sanatorium.Web.Tests.Instances;

/// <summary>
/// Two processes of the site started at the same moment on a new, empty database, both told to
/// migrate it on start-up: they take turns (the advisory lock of DatabaseInitializer), both serve,
/// neither logs an error, and the seed is there once.
/// </summary>
[Collection(TwoSites.Collection)]
public sealed class InstanceStartTests
{
    [Fact]
    public async Task Two_processes_started_together_on_a_new_database_migrate_and_seed_it_once()
    {
        await using var sites = await TwoSites.StartAsync(new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "true" });

        Assert.True(sites.A.Errors.Count == 0, "A logged errors:\n" + sites.A.Output);
        Assert.True(sites.B.Errors.Count == 0, "B logged errors:\n" + sites.B.Output);
        await using var db = sites.Database();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(1, await db.Treatments.CountAsync());
        Assert.Equal(2, await db.TreatmentTranslations.CountAsync());
        Assert.Equal([sites.Administrator], await db.Users.Select(u => u.Email).ToListAsync());
        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }
}
