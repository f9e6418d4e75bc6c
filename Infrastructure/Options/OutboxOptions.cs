using System.ComponentModel.DataAnnotations;

namespace Sanatorium.Infrastructure.Options;

/// <summary><c>Outbox:*</c>: how the background sender delivers the mail outbox. The defaults suit production.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>The wait after a first failed attempt; each further failure doubles it up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "1.00:00:00", ErrorMessage = "Outbox:FirstRetryDelay must be between 0.1 second and a day, e.g. 00:00:30.")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.1", "7.00:00:00", ErrorMessage = "Outbox:MaxRetryDelay must be between 0.1 second and 7 days, e.g. 01:00:00.")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How often the sender looks for mail due for a retry, or written by a database it cannot hear
    /// (new mail wakes it at once through PostgreSQL's NOTIFY).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00", ErrorMessage = "Outbox:PollInterval must be between 0.1 second and an hour, e.g. 00:00:10.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claimed message is held by one instance before another may take it (a crashed one lets go).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "Outbox:Lease must be between 10 seconds and an hour, e.g. 00:02:00.")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Messages sent over one SMTP connection before the sender looks again.</summary>
    [Range(1, 500, ErrorMessage = "Outbox:BatchSize must be from 1 to 500.")]
    public int BatchSize { get; set; } = 20;
}
