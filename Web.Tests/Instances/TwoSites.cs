using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Instances;

/// <summary>
/// Two processes of the site, A and B, started at the same moment on one new database (which they
/// create, migrate and seed themselves, as replicas of a new deployment do). Disposing it kills both
/// and drops the database, whether the test passed or not.
/// </summary>
public sealed class TwoSites : IAsyncDisposable
{
    /// <summary>The test classes that start two sites run one after another, not four processes at once.</summary>
    public const string Collection = "Two site processes";

    private TwoSites(string connectionString, IReadOnlyDictionary<string, string?>? settings)
    {
        ConnectionString = connectionString;
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Admin:Email"] = Administrator };
        A = new RunningSite(connectionString, all);
        B = new RunningSite(connectionString, all);
    }

    public string ConnectionString { get; }

    public RunningSite A { get; }

    public RunningSite B { get; }

    /// <summary>The first administrator: an address of its own at MailDev, the password SiteFactory gives.</summary>
    public string Administrator { get; } = MailDev.NewAddress("instances-admin");

    public const string AdministratorPassword = "Correct-Horse-42";

    public static async Task<TwoSites> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var sites = new TwoSites(await PostgresServer.NewDatabaseAsync(), settings);
        try
        {
            await Task.WhenAll(sites.A.StartAsync(), sites.B.StartAsync());
        }
        catch
        {
            await sites.DisposeAsync();
            throw;
        }

        return sites;
    }

    /// <summary>A context of the test's own on the sites' database, for what the test reads there.</summary>
    public SanatoriumDbContext Database() =>
        new(new DbContextOptionsBuilder<SanatoriumDbContext>().UseNpgsql(ConnectionString).Options);

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(A.DisposeAsync().AsTask(), B.DisposeAsync().AsTask());
        await PostgresServer.DropDatabaseAsync(ConnectionString);
    }
}
