using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Infrastructure.Seed;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>Migrations against databases that do not exist yet, the way a new server or a new instance meets them.</summary>
public sealed class MigrationTests : IAsyncLifetime
{
    private readonly List<string> databases = [];

    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_match_the_model()
    {
        await using var site = await StartSiteAsync();

        await site.WithDbAsync(async db =>
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no migration covers: add one");
            Assert.Equal(1, await db.TreatmentTranslations.CountAsync(t => t.Slug == "lumbar-pain-syndrome"));
        });
    }

    [Fact]
    public async Task Several_instances_starting_together_on_a_new_database_seed_it_once()
    {
        var connectionString = await NewDatabaseAsync();
        var sites = Enumerable.Range(0, 3).Select(_ => new SiteOnDatabase(connectionString)).ToList();

        try
        {
            await Task.WhenAll(sites.Select(s => Task.Run(() => s.Services)));

            await sites[0].WithDbAsync(async db =>
            {
                Assert.Equal(1, await db.Treatments.CountAsync());
                Assert.Equal(2, await db.TreatmentTranslations.CountAsync());
                Assert.Equal(1, await db.Users.CountAsync());
            });
        }
        finally
        {
            foreach (var site in sites)
            {
                await site.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_migrate_command_applies_migrations_and_exits()
    {
        var connectionString = await NewDatabaseAsync();
        var (exitCode, output) = await SiteProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Sanatorium"] = connectionString,
                ["Admin__Email"] = "",
                ["Admin__Password"] = "",
            },
            "migrate");

        Assert.True(exitCode == 0, output);
        await using var site = new SiteOnDatabase(connectionString, migrateOnStartup: false);
        await site.WithDbAsync(async db =>
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(1, await db.Treatments.CountAsync());
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in databases)
        {
            await PostgresServer.DropDatabaseAsync(database);
        }
    }

    private async Task<string> NewDatabaseAsync()
    {
        var connectionString = await PostgresServer.NewDatabaseAsync();
        databases.Add(connectionString);
        return connectionString;
    }

    private async Task<SiteOnDatabase> StartSiteAsync()
    {
        var site = new SiteOnDatabase(await NewDatabaseAsync());
        _ = site.Services;
        return site;
    }

    private sealed class SiteOnDatabase(string connectionString, bool migrateOnStartup = true) : SiteFactory
    {
        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["ConnectionStrings:Sanatorium"] = connectionString;
            settings["Database:MigrateOnStartup"] = migrateOnStartup ? "true" : "false";
            return settings;
        }
    }
}
