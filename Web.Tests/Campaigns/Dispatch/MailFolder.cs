using MimeKit;

namespace Sanatorium.Web.Tests.Campaigns.Dispatch;

/// <summary>
/// The messages a MailDev wrote to its mail directory (<see cref="Infrastructure.MailDevProcess.StartAsync"/>),
/// which outlive that MailDev: what a test counts when it stops and starts the SMTP server. A file is
/// written as the message streams in, so one cut short (its sender or MailDev died during DATA) is
/// no message: only files that end with the closing MIME boundary count.
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
            if (Complete(file) is not { } message)
            {
                continue;
            }

            foreach (var address in message.To.Mailboxes)
            {
                counts[address.Address] = counts.GetValueOrDefault(address.Address) + 1;
            }
        }

        return counts;
    }

    private static MimeMessage? Complete(string file)
    {
        try
        {
            var message = MimeMessage.Load(file);
            return message.Body is Multipart { Boundary: { } boundary }
                && File.ReadAllText(file).TrimEnd().EndsWith("--" + boundary + "--", StringComparison.Ordinal)
                    ? message
                    : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
