using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Infrastructure.Caching;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin.Accounts;

namespace Sanatorium.Web.Tests.Infrastructure;

/// <summary>
/// The whole site on a database of its own (one per test class), migrated and seeded at start,
/// exactly as in production.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string BaseUrl = "https://staraya-russa.test";

    // Hundreds of sites start in one test process, and each host's file providers (configuration,
    // wwwroot for versioned asset links) would take inotify instances, of which Linux gives a user 128
    // by default: the full run ran out of them. Polling watchers take none.
    static SiteFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    public string ConnectionString { get; protected set; } = "";

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.NewDatabaseAsync();
        _ = Services; // start the host: migrations and seed run now, not inside the first test
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await PostgresServer.DropDatabaseAsync(ConnectionString);
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed.</summary>
    public virtual HttpClient CreateVisitor() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// Reads or changes the database directly; then this instance forgets the public pages it keeps, as a
    /// publish would make it, so that the test's next page shows what it changed (Web.Tests/Caching shows the cache).
    /// </summary>
    public async Task<T> WithDbAsync<T>(Func<SanatoriumDbContext, Task<T>> action)
    {
        T result;
        await using (var scope = Services.CreateAsyncScope())
        {
            result = await action(scope.ServiceProvider.GetRequiredService<SanatoriumDbContext>());
        }

        await ForgetCachedPagesAsync();
        return result;
    }

    /// <summary>Empties this instance's output cache and the cached data public pages read.</summary>
    public ValueTask ForgetCachedPagesAsync() => Services.GetRequiredService<PublicCache>().EvictAsync(CancellationToken.None);

    public Task WithDbAsync(Func<SanatoriumDbContext, Task> action) =>
        WithDbAsync(async db =>
        {
            await action(db);
            return true;
        });

    /// <summary>Settings a test class changes; the defaults are <see cref="DefaultSettings"/>.</summary>
    protected virtual IDictionary<string, string?> Settings() => DefaultSettings(ConnectionString);

    /// <summary>The settings every test site starts with (those scripts/run.sh gives), on <paramref name="connectionString"/>'s database.</summary>
    public static Dictionary<string, string?> DefaultSettings(string connectionString) => new()
    {
        ["ConnectionStrings:Sanatorium"] = connectionString,
        ["Site:BaseUrl"] = BaseUrl,
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Environment.GetEnvironmentVariable("SANATORIUM_TEST_SMTP_PORT") ?? "1025",
        ["Smtp:Security"] = "None",
        ["Smtp:FromAddress"] = "promo@staraya-russa.test",
        ["Admin:Email"] = "admin@staraya-russa.test",
        ["Admin:Password"] = "Correct-Horse-42",
        // Many logins from one test client; AdminLoginRateLimitTests checks the real limit.
        ["RateLimits:LoginAttemptsPerMinute"] = "1000",
        ["RateLimits:NewsletterPostsPerMinute"] = "1000",
        ["RateLimits:EnquiryPostsPerMinute"] = "1000",
        // The tests run the site from its build, not a publish: MapStaticAssets would add a catch-all route
        // serving files added to wwwroot after the start, which a published site does not have.
        ["DisableStaticAssetNotFoundRuntimeFallback"] = "true",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The build's static files as `dotnet run` finds them: wwwroot, and the gzip copies the build
        // leaves under obj/ (a publish puts both in its own wwwroot).
        builder.UseStaticWebAssets();
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(Settings()));
    }
}
