using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Campaigns.Dispatch;

/// <summary>A MailDev of the class's own (so that every message it holds is the class's) and a site that sends campaigns into it.</summary>
public class DispatchFixture : IAsyncLifetime
{
    public MailDevProcess MailDev { get; private set; } = null!;

    public InstanceSite Site { get; private set; } = null!;

    public Inbox Inbox { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        MailDev = await MailDevProcess.StartAsync(MailDevProcess.FreePort());
        Inbox = new Inbox(MailDev.Web);
        Site = new InstanceSite(settings: Settings(MailDev.SmtpPort));
        await Site.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Site.DropDatabaseAsync();
        await MailDev.DisposeAsync();
    }

    protected virtual Dictionary<string, string?> Settings(int smtpPort) => DispatchSettings.For(smtpPort);
}
