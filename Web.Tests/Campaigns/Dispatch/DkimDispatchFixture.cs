namespace Sanatorium.Web.Tests.Campaigns.Dispatch;

/// <summary>A site that signs campaign mail with a test DKIM key.</summary>
public sealed class DkimDispatchFixture : DispatchFixture, IDisposable
{
    public TestDkimKey Key { get; } = new();

    public void Dispose() => Key.Dispose();

    protected override Dictionary<string, string?> Settings(int smtpPort)
    {
        var settings = DispatchSettings.For(smtpPort);
        settings["Newsletter:Dkim:Domain"] = TestDkimKey.Domain;
        settings["Newsletter:Dkim:Selector"] = TestDkimKey.Selector;
        settings["Newsletter:Dkim:PrivateKeyPath"] = Key.PrivateKeyPath;
        return settings;
    }
}
