using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Core.Newsletters;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Content;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>
/// Every back office page, found by enumerating the site's pages (not a hand list that can drift),
/// opened by an anonymous visitor and by each role through the real login form.
/// </summary>
public sealed partial class AdminAccessTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    /// <summary>Which roles may open a page, by the folder it lives in: the rule the back office promises.</summary>
    private static string[] AllowedRoles(string viewEnginePath) => viewEnginePath switch
    {
        _ when viewEnginePath.StartsWith("/Content/", StringComparison.Ordinal) || viewEnginePath.StartsWith("/Prices/", StringComparison.Ordinal) => [Roles.Administrator, Roles.Editor],
        _ when viewEnginePath.StartsWith("/Operator/", StringComparison.Ordinal) => [Roles.Administrator],
        _ when viewEnginePath.StartsWith("/Marketing/", StringComparison.Ordinal) => [Roles.Administrator, Roles.Marketer],
        _ when viewEnginePath.StartsWith("/Users/", StringComparison.Ordinal) || viewEnginePath.StartsWith("/Audit/", StringComparison.Ordinal) => [Roles.Administrator],
        _ => Roles.All.ToArray(),
    };

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page_from_every_admin_page()
    {
        var client = site.CreateVisitor();
        foreach (var page in await AdminPagesAsync())
        {
            var response = await client.GetAsync(page.Url);

            if (page.IsAccountPage)
            {
                Assert.True(response.StatusCode != HttpStatusCode.Redirect || !Location(response).StartsWith("/admin/account/login", StringComparison.Ordinal), page.Url);
                continue;
            }

            Assert.True(HttpStatusCode.Redirect == response.StatusCode, $"{page.Url} answered {response.StatusCode}");
            Assert.StartsWith("/admin/account/login?ReturnUrl=", Location(response));
        }
    }

    [Fact]
    public async Task The_staff_account_pages_are_among_the_pages_checked()
    {
        var paths = (await AdminPagesAsync()).Select(p => p.Path).ToHashSet();

        Assert.Superset(
            new HashSet<string>
            {
                "/Marketing/Campaigns/Progress", "/Marketing/Campaigns/Cancel", "/Marketing/Campaigns/Report",
                "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode",
                "/Me/Index", "/Me/ChangePassword", "/Me/EnableAuthenticator", "/Me/RecoveryCodes", "/Me/DisableTwoFactor",
                "/Users/Index", "/Users/Create", "/Users/Edit", "/Users/Delete", "/Audit/Index",
                "/Prices/Index", "/Prices/Edit", "/Prices/Delete", "/Operator/Index",
                "/Marketing/Index", "/Marketing/Subscribers/Index", "/Marketing/Subscribers/Details",
                "/Marketing/Subscribers/Erase", "/Marketing/Subscribers/Export",
                "/Marketing/Campaigns/Index", "/Marketing/Campaigns/New", "/Marketing/Campaigns/Edit", "/Marketing/Campaigns/Preview",
            },
            paths);
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Marketer)]
    public async Task Each_role_opens_the_pages_of_its_sections_and_gets_403_elsewhere(string role)
    {
        var email = await site.CreateAsync($"{role.ToLowerInvariant()}@staraya-russa.test", role);
        var client = await site.LogInAsync(email);
        var pages = await AdminPagesAsync();

        Assert.Contains(pages, p => p.Url == "/admin");
        foreach (var page in pages.Where(p => !p.IsAccountPage && p.HasGet))
        {
            var response = await client.GetAsync(page.Url);

            var expected = AllowedRoles(page.Path).Contains(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True(expected == response.StatusCode, $"{role} at {page.Url}: {response.StatusCode}, expected {expected}");
        }
    }

    [Fact]
    public async Task A_member_of_staff_without_a_role_opens_nothing()
    {
        var email = await site.CreateAsync("no-role@staraya-russa.test");
        var client = await site.LogInAsync(email);

        var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var (_, page) = await client.GetPageAsync("/admin");
        Assert.Equal("Доступ запрещён", page.QuerySelector("h1")?.TextContent.Trim());
    }

    /// <summary>
    /// The back office pages, with real values in their route parameters: each content kind with
    /// the id of its seed content, a user's id under /Users, a language.
    /// </summary>
    private async Task<IReadOnlyList<AdminPage>> AdminPagesAsync()
    {
        await site.WithDbAsync(async db =>
        {
            if (!await db.Promotions.AnyAsync())
            {
                db.Promotions.Add(new Promotion("matrix", DateOnly.MinValue, DateOnly.MaxValue));
                await db.SaveChangesAsync();
            }

            if (!await db.SubscriberImports.AnyAsync())
            {
                db.SubscriberImports.Add(new SubscriberImport("admin@staraya-russa.test", DateTimeOffset.UtcNow, "list.csv", "/nonexistent/list.csv", 0));
                await db.SaveChangesAsync();
            }
        });
        var contentIds = await site.WithDbAsync(async db => new Dictionary<string, string>
        {
            ["promotions"] = (await db.Promotions.Select(t => t.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture),
            ["treatments"] = (await db.Treatments.Select(t => t.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture),
            ["profiles"] = (await db.Profiles.Select(t => t.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture),
            ["pages"] = (await db.InfoPages.Select(t => t.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture),
        });
        var userId = await site.WithDbAsync(db => db.Users.Select(u => u.Id).FirstAsync());
        var subscriberId = await site.WithDbAsync(async db =>
        {
            if (!await db.Subscribers.AnyAsync())
            {
                db.Subscribers.Add(new Subscriber("matrix@staraya-russa.test", Language.Ru, SubscriberSource.Form, DateTimeOffset.UtcNow));
                await db.SaveChangesAsync();
            }

            return (await db.Subscribers.Select(s => s.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture);
        });
        var campaignId = await site.WithDbAsync(async db =>
        {
            if (!await db.Campaigns.AnyAsync())
            {
                db.Campaigns.Add(new Campaign("matrix", "admin@staraya-russa.test", DateTimeOffset.UtcNow));
                await db.SaveChangesAsync();
            }

            return (await db.Campaigns.Select(c => c.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture);
        });
        var packageId = await site.WithDbAsync(async db =>
        {
            if (!await db.StayPackages.AnyAsync())
            {
                db.StayPackages.Add(new StayPackage { NameRu = "Матрица", NameEn = "Matrix", Nights = 7 });
                await db.SaveChangesAsync();
            }

            return (await db.StayPackages.Select(p => p.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture);
        });
        var actions = site.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items;
        var pages = new List<AdminPage>();
        // A paused campaign: its progress, cancel and report pages answer (a draft's lead to its editor).
        var startedCampaignId = await site.WithDbAsync(async db =>
        {
            if (!await db.Campaigns.AnyAsync(c => c.Status == CampaignStatus.Paused))
            {
                db.Campaigns.Add(new Campaign("matrix-paused", "admin@staraya-russa.test", DateTimeOffset.UtcNow) { Status = CampaignStatus.Paused, StartedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            }

            return (await db.Campaigns.Where(c => c.Status == CampaignStatus.Paused).Select(c => c.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture);
        });
        foreach (var page in actions.OfType<PageActionDescriptor>().Where(a => a.AreaName == AdminAccess.Area))
        {
            var template = "/" + page.AttributeRouteInfo!.Template!;
            var kinds = template.Contains("{kind}") ? ContentSections.All.Select(s => s.Segment) : [""];
            foreach (var kind in kinds)
            {
                var id = page.ViewEnginePath switch
                {
                    "/Marketing/Campaigns/Progress" or "/Marketing/Campaigns/Cancel" or "/Marketing/Campaigns/Report" => startedCampaignId,
                    _ when page.ViewEnginePath.StartsWith("/Users/", StringComparison.Ordinal) => userId,
                    _ when page.ViewEnginePath.StartsWith("/Marketing/Subscribers/", StringComparison.Ordinal) => subscriberId,
                    _ when page.ViewEnginePath.StartsWith("/Marketing/Campaigns/", StringComparison.Ordinal) => campaignId,
                    _ when page.ViewEnginePath.StartsWith("/Prices/", StringComparison.Ordinal) => packageId,
                    _ => contentIds.GetValueOrDefault(kind, "1"),
                };
                var url = Parameter().Replace(template, match => match.Groups[1].Value switch
                {
                    "kind" => kind,
                    "id" => id,
                    "lang" => "ru",
                    _ => match.Value,
                });
                url = url.Replace("/Index", "", StringComparison.OrdinalIgnoreCase).ToLowerInvariant().TrimEnd('/');
                pages.Add(new AdminPage(page.ViewEnginePath, url, HasGet(page)));
            }
        }

        Assert.DoesNotContain(pages, p => p.Url.Contains('{'));
        return pages.DistinctBy(p => p.Url).ToList();
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex Parameter();

    private static bool HasGet(PageActionDescriptor page) =>
        page is CompiledPageActionDescriptor compiled
            ? compiled.HandlerMethods.Any(h => h.HttpMethod == "GET")
            : true;

    private static string Location(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute
            ? absolute.PathAndQuery
            : response.Headers.Location!.OriginalString;

    private sealed record AdminPage(string Path, string Url, bool HasGet)
    {
        public bool IsAccountPage => Path.StartsWith(AdminAccess.AnonymousFolder + "/", StringComparison.Ordinal);
    }
}
