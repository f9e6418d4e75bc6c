using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Instances;

/// <summary>
/// Two processes of the site started at the same moment on a new, empty database, both told to
/// migrate it on start-up: they take turns (the advisory lock of DatabaseInitializer), both serve,
/// neither logs an error, and the seed is there once; one that waits longer for its turn than a
/// command may take waits on.
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

    [Fact]
    public async Task A_process_waits_for_its_turn_longer_than_a_command_may_take()
    {
        var database = new NpgsqlConnectionStringBuilder(await PostgresServer.NewDatabaseAsync()) { CommandTimeout = 3 }.ConnectionString;
        var site = new RunningSite(database);
        try
        {
            // The database exists, and another instance holds the lock, migrating for longer than 3 s.
            await using (var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Database = "postgres" }.ConnectionString))
            {
                await server.OpenAsync();
                await new NpgsqlCommand($"CREATE DATABASE \"{new NpgsqlConnectionStringBuilder(database).Database}\"", server).ExecuteNonQueryAsync();
            }

            // Not pooled: closing it ends the session, and with it the lock (a pooled one would keep it).
            await using var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
            await other.OpenAsync();
            await new NpgsqlCommand($"SELECT pg_advisory_lock({DatabaseInitializer.LockKey})", other).ExecuteNonQueryAsync();

            var starting = site.StartAsync();
            await Task.Delay(TimeSpan.FromSeconds(8));
            Assert.False(starting.IsCompleted, "The site did not wait for the lock:\n" + site.Output);
            await other.CloseAsync();

            await starting;
            Assert.True(site.Errors.Count == 0, "The site logged errors:\n" + site.Output);
        }
        finally
        {
            await site.DisposeAsync();
            await PostgresServer.DropDatabaseAsync(database);
        }
    }
}
