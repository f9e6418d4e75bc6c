using System.Globalization;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Mail;

/// <summary>An instance whose SMTP server is on a port of the test's choosing (where one may not be yet) and whose outbox tries again within a second.</summary>
internal sealed class OutboxSite(int smtpPort, string? sharedDatabase = null) : InstanceSite(sharedDatabase, new Dictionary<string, string?>
{
    ["Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
    ["Outbox:FirstRetryDelay"] = "00:00:00.5",
    ["Outbox:MaxRetryDelay"] = "00:00:01",
    ["Outbox:PollInterval"] = "00:00:00.5",
});
