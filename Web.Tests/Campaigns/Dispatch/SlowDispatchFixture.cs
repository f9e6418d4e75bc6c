namespace Sanatorium.Web.Tests.Campaigns.Dispatch;

/// <summary>
/// A site that sends 20 messages a second over one connection, 40 per batch: slow enough for a test
/// to act while a campaign goes out, with the whole of a test's audience in the batch in hand.
/// </summary>
public sealed class SlowDispatchFixture : DispatchFixture
{
    protected override Dictionary<string, string?> Settings(int smtpPort) =>
        DispatchSettings.For(smtpPort, messagesPerSecond: 20, connections: 1, batchSize: 40);
}
