using System.Text.RegularExpressions;

namespace Sanatorium.Infrastructure.Observability;

/// <summary>
/// Text from elsewhere made fit for a log line: a mail server's reply often quotes the recipient
/// ("550 5.1.1 &lt;anna@example.org&gt;: Recipient address rejected"), and the log must not hold
/// addresses. The full reply stays where staff read it (the outbox row, the campaign ledger).
/// </summary>
public static partial class LogText
{
    public const string Address = "[address]";

    /// <summary><paramref name="text"/> with every e-mail address replaced by <see cref="Address"/>.</summary>
    public static string WithoutAddresses(string text) => Addresses().Replace(text, Address);

    [GeneratedRegex(@"[^\s<>()\[\]""',;:@]+@[^\s<>()\[\]""',;:@]+")]
    private static partial Regex Addresses();
}
