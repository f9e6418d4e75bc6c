using System.Globalization;

namespace Sanatorium.Web.Tests.Campaigns.Dispatch;

/// <summary>The dispatcher's settings for a test: its SMTP server's port, fast polls and retries, and the pace the test needs.</summary>
public static class DispatchSettings
{
    public static Dictionary<string, string?> For(int smtpPort, double messagesPerSecond = 1000, int connections = 2, int batchSize = 20, string lease = "00:00:05") => new()
    {
        ["Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Newsletter:Connections"] = connections.ToString(CultureInfo.InvariantCulture),
        ["Newsletter:MessagesPerSecond"] = messagesPerSecond.ToString(CultureInfo.InvariantCulture),
        ["Newsletter:BatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture),
        ["Newsletter:Lease"] = lease,
        ["Newsletter:PollInterval"] = "00:00:00.2",
        ["Newsletter:FirstRetryDelay"] = "00:00:00.3",
        ["Newsletter:MaxRetryDelay"] = "00:00:01",
    };
}
