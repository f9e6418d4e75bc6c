using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Mail;

/// <summary>
/// The site with an SMTP port of the test's choosing (where a server may not be yet) and an outbox
/// that tries again within a second; optionally on the database of another instance.
/// </summary>
internal sealed class OutboxSite(int smtpPort, string? sharedDatabase = null) : SiteFactory
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
        var settings = base.Settings();
        settings["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Outbox:FirstRetryDelay"] = "00:00:00.5";
        settings["Outbox:MaxRetryDelay"] = "00:00:01";
        settings["Outbox:PollInterval"] = "00:00:00.5";
        return settings;
    }
}
