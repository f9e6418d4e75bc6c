using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Infrastructure.Seed;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

public sealed class SeedingTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Seeding_again_changes_nothing_and_keeps_an_editors_changes()
    {
        await site.WithDbAsync(async db =>
        {
            var english = await db.TreatmentTranslations.SingleAsync(t => t.Slug == "lumbar-pain-syndrome");
            english.Title = "Lumbar pain: edited by an editor";
            await db.SaveChangesAsync();
        });
        var before = await Snapshot();

        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(CancellationToken.None);
        }

        Assert.Equal(before, await Snapshot());
        Assert.Contains("Lumbar pain: edited by an editor", before);
    }

    [Fact]
    public async Task The_first_administrator_is_created_from_configuration_with_the_role()
    {
        await site.WithDbAsync(async db =>
        {
            var admin = await db.Users.SingleAsync();
            Assert.Equal("admin@staraya-russa.test", admin.Email);
            var roles = await db.UserRoles.Where(r => r.UserId == admin.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
            Assert.Equal([Roles.Administrator], roles);
            Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
        });
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync("admin@staraya-russa.test");
        Assert.True(await users.CheckPasswordAsync(user!, "Correct-Horse-42"));
    }

    private Task<string> Snapshot() => site.WithDbAsync(async db => string.Join("\n",
        (await db.Profiles.Include(p => p.Translations).AsNoTracking().ToListAsync())
            .SelectMany(p => p.Translations.Select(t => $"P {p.Key} {t.Language} {t.Slug} {t.Title} {t.PublishedAt:O}"))
            .Concat((await db.Treatments.Include(p => p.Translations).AsNoTracking().ToListAsync())
                .SelectMany(p => p.Translations.Select(t => $"T {p.Key} {t.Language} {t.Slug} {t.Title} {t.Lead.Length} {t.PublishedAt:O}")))
            .Concat((await db.InfoPages.Include(p => p.Translations).AsNoTracking().ToListAsync())
                .SelectMany(p => p.Translations.Select(t => $"I {p.Key} {t.Language} {t.Slug} {t.Title} {t.PublishedAt:O}")))
            .Concat(await db.Users.Select(u => "U " + u.Email).ToListAsync())
            .Concat(await db.Roles.Select(r => "R " + r.Name).ToListAsync())
            .Order()));
}

/// <summary>A site whose first administrator's password is too weak: it still starts, and creates nobody.</summary>
public sealed class SiteWithWeakAdminPassword : SiteFactory
{
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Admin:Password"] = "123";
        return settings;
    }
}

public sealed class WeakAdminPasswordTests(SiteWithWeakAdminPassword site) : IClassFixture<SiteWithWeakAdminPassword>
{
    [Fact]
    public async Task The_site_serves_visitors_and_creates_no_administrator()
    {
        var response = await site.CreateVisitor().GetAsync("/en/treatments/lumbar-pain-syndrome");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(0, await site.WithDbAsync(db => db.Users.CountAsync()));
    }
}

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
