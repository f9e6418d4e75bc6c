using MimeKit;

namespace Sanatorium.Web.Tests.Newsletters.Dispatch;

/// <summary>
/// The messages a MailDev wrote to its mail directory (<see cref="Infrastructure.MailDevProcess.StartAsync"/>),
/// which outlive that MailDev: what a test counts when it stops and starts the SMTP server.
/// </summary>
public sealed class MailFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("maildev-").FullName;

    /// <summary>How many messages each address got.</summary>
    public Dictionary<string, int> Counts()
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(Path, "*.eml"))
        {
            using var stream = File.OpenRead(file);
            var headers = HeaderList.Load(stream);
            foreach (var address in InternetAddressList.Parse(headers[HeaderId.To] ?? "").Mailboxes)
            {
                counts[address.Address] = counts.GetValueOrDefault(address.Address) + 1;
            }
        }

        return counts;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
