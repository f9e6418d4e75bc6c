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
