using System.ComponentModel.DataAnnotations;

namespace Sanatorium.Infrastructure.Newsletters;

/// <summary>
/// <c>Newsletter:*</c> keys of the campaign dispatcher (docs/decisions/0023-campaign-dispatcher.md). The
/// defaults suit a mail server of one's own or a relay: 4 connections, 50 messages a second per instance.
/// </summary>
public sealed class DispatchOptions : IValidatableObject
{
    public const string Section = "Newsletter";

    /// <summary>SMTP connections each instance keeps open while a campaign is sending.</summary>
    [Range(1, 32, ErrorMessage = "Newsletter:Connections must be from 1 to 32.")]
    public int Connections { get; set; } = 4;

    /// <summary>
    /// Messages each instance hands to the SMTP server per second at most, over all its connections.
    /// A relay or a provider throttles or blocks a sender that floods it; 50 a second sends 10,000
    /// subscribers in under 4 minutes.
    /// </summary>
    [Range(0.1, 100_000, ErrorMessage = "Newsletter:MessagesPerSecond must be from 0.1 to 100000.")]
    public double MessagesPerSecond { get; set; } = 50;

    /// <summary>
    /// Ledger lines one connection claims at a time. A claim costs PostgreSQL more the longer the ledger
    /// (docs/PERFORMANCE.md: 100,000 recipients took 85 s in batches of 20, 53 s in batches of 200); a
    /// batch gives back what it has not sent when its campaign is paused and looks again at its
    /// subscribers every half second, so a larger one delays nothing a marketer or a subscriber sees.
    /// </summary>
    [Range(1, 500, ErrorMessage = "Newsletter:BatchSize must be from 1 to 500.")]
    public int BatchSize { get; set; } = 200;

    /// <summary>How long claimed lines are held before another instance may take them (a crashed one lets go).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Newsletter:Lease must be between 1 second and an hour, e.g. 00:02:00.")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the dispatcher looks for due scheduled campaigns and retries (a campaign move wakes it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00", ErrorMessage = "Newsletter:PollInterval must be between 0.1 second and an hour, e.g. 00:00:10.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the mail server first fails (down, 4xx); each further failure doubles it up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00", ErrorMessage = "Newsletter:FirstRetryDelay must be between 0.1 second and an hour, e.g. 00:00:10.")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.1", "1.00:00:00", ErrorMessage = "Newsletter:MaxRetryDelay must be between 0.1 second and a day, e.g. 00:05:00.")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Optional DKIM signing of every campaign message.</summary>
    public DkimOptions Dkim { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The time one connection needs for one batch at the rate limit (a rate out of range has its own message).
        var batchTime = TimeSpan.FromSeconds(MessagesPerSecond > 0 ? BatchSize * Connections / MessagesPerSecond : 0);
        if (Lease < 2 * batchTime)
        {
            yield return new ValidationResult(
                $"Newsletter:Lease must be at least twice the time a batch takes at the rate limit (BatchSize × Connections ÷ MessagesPerSecond = {batchTime.TotalSeconds:0.#} s).",
                [nameof(Lease)]);
        }

        if (MaxRetryDelay < FirstRetryDelay)
        {
            yield return new ValidationResult("Newsletter:MaxRetryDelay must not be shorter than Newsletter:FirstRetryDelay.", [nameof(MaxRetryDelay)]);
        }

        var dkim = new[] { Dkim.Domain, Dkim.Selector, Dkim.PrivateKeyPath };
        if (dkim.Any(string.IsNullOrWhiteSpace) && !dkim.All(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult(
                "Newsletter:Dkim:Domain, Newsletter:Dkim:Selector and Newsletter:Dkim:PrivateKeyPath are given together or not at all.", [nameof(Dkim)]);
        }
        else if (Dkim.IsConfigured && !File.Exists(Dkim.PrivateKeyPath))
        {
            yield return new ValidationResult(
                $"Newsletter:Dkim:PrivateKeyPath names no file: {Dkim.PrivateKeyPath} (a PEM RSA private key).", [nameof(Dkim)]);
        }
    }
}

/// <summary><c>Newsletter:Dkim:*</c>: the signing domain (d=), the selector (s=) and the PEM file of the RSA private key.</summary>
public sealed class DkimOptions
{
    public string? Domain { get; set; }

    public string? Selector { get; set; }

    public string? PrivateKeyPath { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(PrivateKeyPath);
}
