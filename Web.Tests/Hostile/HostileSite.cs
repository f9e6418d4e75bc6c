using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Core.Newsletters;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Infrastructure.Newsletters;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Hostile;

/// <summary>Who sends a request: a visitor, a logged-in administrator, or someone halfway through a two-factor login.</summary>
public enum Audience
{
    Visitor,
    Staff,
    SecondFactor,
}

/// <summary>A browser tab: its own cookies, redirects not followed.</summary>
public sealed record Session(HttpClient Client, CookieContainer Cookies, Audience Audience)
{
    /// <summary>The Cookie header this tab would send to <paramref name="url"/>, some cookies replaced by other values.</summary>
    public string CookieHeader(Uri url, IReadOnlyDictionary<string, string> replaced)
    {
        var cookies = Cookies.GetCookies(url).ToDictionary(c => c.Name, c => c.Value);
        foreach (var (name, value) in replaced)
        {
            cookies[name] = value;
        }

        return string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));
    }
}

/// <summary>
/// The site under attack, on a database of its own: the seed content plus a running promotion with a
/// picture (so that /promotions/{slug} and /media/{id} have real values) and a member of staff to be
/// edited. The attacking administrator is an account of its own, never the first administrator; when
/// an attack ends its session (logs it out, deletes, locks or demotes it) the next one gets a new account.
/// </summary>
public class HostileSite : SiteFactory
{
    /// <summary>A 1x1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>The member of staff the users pages are attacked on.</summary>
    public const string Bystander = "bystander@staraya-russa.test";

    private Task<SiteMap>? map;
    private string? bystanderId;
    private Session? staff;
    private int accounts;
    private IReadOnlyList<(string Table, bool Whole)>? tables;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SeedAsync();
    }

    /// <summary>Every URL and form of the site, discovered once per site (see <see cref="SiteMap"/>).</summary>
    public Task<SiteMap> MapAsync() => map ??= SiteMap.DiscoverAsync(this);

    /// <summary>The subscriber import's upload, which takes files far larger than Kestrel's limit, held here to less than that limit so that the suite's 30 MiB bodies are over it too.</summary>
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Import:MaxFileBytes"] = "20000000";
        return settings;
    }

    /// <summary>
    /// Without the campaign dispatcher: an attack that sends or resumes a campaign for real would have
    /// it write the ledger in the background while later requests are judged by what they wrote.
    /// The dispatcher's own tests are in Campaigns/Dispatch.
    /// </summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(CampaignDispatcher))));
    }

    public Session NewSession(Audience audience = Audience.Visitor)
    {
        var cookies = new CookieContainer();
        var client = NewClient(new CookieContainerHandler(cookies));
        client.Timeout = TimeSpan.FromMinutes(1);
        return new Session(client, cookies, audience);
    }

    /// <summary>A client of the site that keeps its cookies in <paramref name="cookies"/> and follows no redirect.</summary>
    protected virtual HttpClient NewClient(CookieContainerHandler cookies) => CreateDefaultClient(cookies);

    /// <summary>A tab for <paramref name="audience"/>: a new one for visitors, the attacking administrator's own while it lasts.</summary>
    public async Task<Session> SessionAsync(Audience audience) => audience switch
    {
        Audience.Staff => staff ??= await NewStaffAsync(),
        Audience.SecondFactor => await NewSecondFactorAsync(),
        _ => NewSession(),
    };

    /// <summary>A new tab after an attack ended the last one.</summary>
    public async Task<Session> RenewAsync(Audience audience)
    {
        if (audience == Audience.Staff)
        {
            staff = null;
        }

        return await SessionAsync(audience);
    }

    /// <summary>Accounts discovery keeps out of the users pages, which are attacked on the bystander only: the first administrator and each attacker.</summary>
    public HashSet<string> SparedUserIds { get; } = [];

    private async Task<Session> NewStaffAsync()
    {
        var email = await this.CreateAsync($"hostile-staff-{++accounts}@staraya-russa.test", Roles.Administrator);
        SparedUserIds.Add(await this.IdOfAsync(email));
        var session = NewSession(Audience.Staff);
        var response = await session.Client.SubmitLoginAsync(email, Staff.Password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"The attacking administrator {email} could not log in: {(int)response.StatusCode}.");
        return session;
    }

    /// <summary>A tab at the second-factor page: an account with an authenticator whose password was just given.</summary>
    private async Task<Session> NewSecondFactorAsync()
    {
        var email = await this.CreateAsync($"hostile-2fa-{++accounts}@staraya-russa.test", Roles.Editor);
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        var session = NewSession(Audience.SecondFactor);
        var response = await session.Client.SubmitLoginAsync(email, Staff.Password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{email} did not reach the second factor: {(int)response.StatusCode}.");
        return session;
    }

    /// <summary>
    /// The state of what forms write: per table, its row count and the sum of its rows' xmin (the
    /// transaction that last wrote each row), so that any insert, update or delete shows. Accounts count
    /// only their rows (a refused login updates a failure counter); the audit log is left out (refusals are logged).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> SnapshotAsync()
    {
        tables ??= await WithDbAsync(db => Task.FromResult(ContentTables(db)));
        var sql = string.Join(" UNION ALL ", tables.Select(t => t.Whole
            ? $"SELECT '{t.Table}', count(*) || ' rows ' || coalesce(sum(xmin::text::numeric), 0) FROM \"{t.Table}\""
            : $"SELECT '{t.Table}', count(*) || ' rows' FROM \"{t.Table}\""));
        var state = new Dictionary<string, string>();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            state[reader.GetString(0)] = reader.GetString(1);
        }

        return state;
    }

    /// <summary>What changed between two snapshots, e.g. "ContentRevisions 3 rows -> 4 rows"; empty when nothing did.</summary>
    public static string Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        string.Join(", ", after.Where(t => before.GetValueOrDefault(t.Key) != t.Value).Select(t =>
            before.GetValueOrDefault(t.Key)?.Split(' ')[0] == t.Value.Split(' ')[0]
                ? $"{t.Key} rows changed"
                : $"{t.Key} {before.GetValueOrDefault(t.Key)?.Split(' ')[0]} -> {t.Value.Split(' ')[0]} rows"));

    /// <summary>The tables in which <paramref name="text"/> is stored anywhere.</summary>
    public async Task<IReadOnlyList<string>> TablesHoldingAsync(string text)
    {
        tables ??= await WithDbAsync(db => Task.FromResult(ContentTables(db)));
        var sql = string.Join(" UNION ALL ", tables.Select(t =>
            $"SELECT '{t.Table}' FROM (SELECT 1 FROM \"{t.Table}\" x WHERE strpos(x::text, @text) > 0 LIMIT 1) found"));
        var found = new List<string>();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("text", text);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    /// <summary>The site's own tables (the Core model but the audit log) and the accounts with their roles.</summary>
    private static IReadOnlyList<(string Table, bool Whole)> ContentTables(SanatoriumDbContext db) =>
        db.Model.GetEntityTypes()
            .Where(e => !e.IsOwned() && e.GetTableName() is not null)
            .Where(e => e.ClrType == typeof(ApplicationUser)
                || e.ClrType == typeof(IdentityUserRole<string>)
                || (e.ClrType.Namespace?.StartsWith("Sanatorium.Core", StringComparison.Ordinal) == true
                    && e.ClrType != typeof(Sanatorium.Core.Audit.AuditEntry)))
            .Select(e => (e.GetTableName()!, Whole: e.ClrType != typeof(ApplicationUser)))
            .Distinct()
            .ToList();

    private async Task SeedAsync()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await WithDbAsync(async db =>
        {
            var picture = new MediaFile("image/png", Png, DateTimeOffset.UtcNow, "hostile");
            var promotion = new Promotion("hostile-offer", today.AddDays(-2), today.AddDays(30));
            promotion.WriteShared(new Dictionary<string, string> { [ContentFields.ImageId] = picture.Id.ToString() });
            promotion.AddTranslation(new PromotionTranslation(Language.Ru, "skidka-na-gryazelechenie", "Скидка на грязелечение")
            {
                Text = "Только этой **осенью**.",
                ImageAlt = "Грязевые ванны",
            });
            promotion.AddTranslation(new PromotionTranslation(Language.En, "mud-therapy-offer", "Mud therapy offer")
            {
                Text = "This **autumn** only.",
                ImageAlt = "Mud baths",
            });
            promotion.PublishAll(DateTimeOffset.UtcNow.AddMinutes(-1));
            db.MediaFiles.Add(picture);
            db.Promotions.Add(promotion);
            // Subscribers, so the crawl reaches a subscriber's page and its unsubscribe and erase forms.
            db.Subscribers.AddRange(
                new Subscriber("hostile.reader@staraya-russa.test", Language.Ru, SubscriberSource.Form, DateTimeOffset.UtcNow) { Status = SubscriberStatus.Confirmed },
                new Subscriber("hostile.importee@staraya-russa.test", Language.En, SubscriberSource.Import, DateTimeOffset.UtcNow) { Name = "Hostile" });
            // A draft campaign, so the crawl reaches its editor, its preview and its forms.
            var campaign = new Campaign("hostile-campaign", "admin@staraya-russa.test", DateTimeOffset.UtcNow);
            foreach (var language in Languages.All)
            {
                (campaign.TranslationFor(language).Subject, campaign.TranslationFor(language).Body) = ("Hostile", "Hostile **campaign**.");
            }

            db.Campaigns.Add(campaign);
            // A stay package, so the crawl reaches the prices editor's edit and delete forms.
            db.StayPackages.Add(new StayPackage { NameRu = "Путёвка", NameEn = "Package", Nights = 7, PricePerPerson = 1000, IncludedRu = "- Проживание", IncludedEn = "- Stay" });
            // An uploaded subscriber import, so that its mapping form is found and attacked too.
            var importFile = Path.Combine(Path.GetTempPath(), "sanatorium-imports", $"hostile-{Guid.NewGuid():N}.csv");
            Directory.CreateDirectory(Path.GetDirectoryName(importFile)!);
            await File.WriteAllTextAsync(importFile, "email,language,name\nhostile@example.org,ru,Hostile\n");
            db.SubscriberImports.Add(new SubscriberImport("admin@staraya-russa.test", DateTimeOffset.UtcNow, "hostile.csv", importFile, new FileInfo(importFile).Length) { HasHeader = true });
            await db.SaveChangesAsync();
            campaign.PromotionIds = [promotion.Id];
            // A saved draft of the promotion, scheduled a year ahead, so the crawl reaches the schedule and unschedule forms.
            var promotionDraft = promotion.ToDraft();
            promotionDraft.Languages[Language.En][ContentFields.Text] = "Next **autumn** too.";
            db.ContentRevisions.Add(new ContentRevision(ContentKind.Promotion, promotion.Id, 1, DateTimeOffset.UtcNow, "admin@staraya-russa.test", promotionDraft));
            db.ScheduledPublications.Add(new ScheduledPublication(ContentKind.Promotion, promotion.Id, 1, DateTimeOffset.UtcNow.AddYears(1), "admin@staraya-russa.test", DateTimeOffset.UtcNow));
            // A paused campaign with a failed line and a tracked link, so the crawl reaches its progress,
            // cancel and report pages and their forms (pause, resume, cancel, resend to failed).
            var paused = new Campaign("hostile-paused", "admin@staraya-russa.test", DateTimeOffset.UtcNow) { Status = CampaignStatus.Paused, StartedAt = DateTimeOffset.UtcNow };
            db.Campaigns.Add(paused);
            await db.SaveChangesAsync();
            var reader = await db.Subscribers.Where(s => s.Status == SubscriberStatus.Confirmed).Select(s => s.Id).FirstAsync();
            db.CampaignDeliveries.Add(new CampaignDelivery(paused.Id, reader, Language.Ru, DateTimeOffset.UtcNow) { Status = DeliveryStatus.Failed, Error = "550 5.1.1 User unknown", At = DateTimeOffset.UtcNow });
            db.CampaignLinks.Add(new CampaignLink(paused.Id, "https://staraya-russa.example/promotions/hostile"));
            // An enquiry, so the crawl reaches its page in the inbox and the form that handles it.
            db.Enquiries.Add(new Sanatorium.Core.Enquiries.Enquiry(DateTimeOffset.UtcNow, Language.Ru) { Name = "Hostile", Phone = "+7 900 000-00-00", ConsentAt = DateTimeOffset.UtcNow, ConsentSource = "/enquiry" });
            await db.SaveChangesAsync();
        });
        SparedUserIds.UnionWith(await WithDbAsync(db => db.Users.Select(u => u.Id).ToListAsync()));
        await this.CreateAsync(Bystander, Roles.Editor);
        bystanderId = await this.IdOfAsync(Bystander);
    }

    /// <summary>Puts the seeded member of staff back as seeded (same id, unlocked, an editor) after an attack deleted, locked or demoted them.</summary>
    public async Task RestoreBystanderAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(bystanderId!) is not { } user)
        {
            user = new ApplicationUser { Id = bystanderId!, UserName = Bystander, Email = Bystander, EmailConfirmed = true };
            var created = await users.CreateAsync(user, Staff.Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.SetLockoutEndDateAsync(user, null);
        if (!await users.IsInRoleAsync(user, Roles.Editor))
        {
            await users.AddToRoleAsync(user, Roles.Editor);
        }
    }
}
