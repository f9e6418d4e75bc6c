namespace Sanatorium.Web.Tests.Infrastructure;

/// <summary>
/// One instance of the site that a test starts and stops itself, on a new database or on the
/// database of another instance (several instances behind one PostgreSQL, or a restart), with
/// settings of the test's own on top of <see cref="SiteFactory"/>'s.
/// </summary>
public class InstanceSite(string? sharedDatabase = null, IReadOnlyDictionary<string, string?>? settings = null) : SiteFactory
{
    public override async Task InitializeAsync()
    {
        if (sharedDatabase is null)
        {
            await base.InitializeAsync();
            return;
        }

        ConnectionString = sharedDatabase;
        _ = Services;
    }

    /// <summary>Stops this instance; the database stays (it may be shared) until <see cref="DropDatabaseAsync"/>.</summary>
    public Task StopAsync() => DisposeAsync().AsTask();

    public async Task DropDatabaseAsync()
    {
        await StopAsync();
        await PostgresServer.DropDatabaseAsync(ConnectionString);
    }

    protected override IDictionary<string, string?> Settings()
    {
        var all = base.Settings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }
}
