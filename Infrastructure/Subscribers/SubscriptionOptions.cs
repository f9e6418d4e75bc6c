using System.ComponentModel.DataAnnotations;
using Sanatorium.Core.Subscribers;

namespace Sanatorium.Infrastructure.Subscribers;

/// <summary><c>Newsletter:*</c>: how long a confirmation link works, how many a day an address gets, the mailto unsubscribe.</summary>
public sealed class SubscriptionOptions : IValidatableObject
{
    public const string Section = "Newsletter";

    /// <summary>How long the link in a confirmation mail works (seven days by default).</summary>
    public TimeSpan ConfirmationLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Confirmation mails one address gets in 24 hours at most, whatever anyone sends through the form.</summary>
    public int ConfirmationsPerDay { get; set; } = 3;

    /// <summary>An address that unsubscribes whoever writes to it; when set, <c>List-Unsubscribe</c> names it after the URL.</summary>
    public string? UnsubscribeMailto { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ConfirmationLinkLifetime <= TimeSpan.Zero)
        {
            yield return new ValidationResult(
                "Newsletter:ConfirmationLinkLifetime must be a positive time span, for example 7.00:00:00 for seven days.",
                [nameof(ConfirmationLinkLifetime)]);
        }

        if (ConfirmationsPerDay < 1)
        {
            yield return new ValidationResult("Newsletter:ConfirmationsPerDay must be 1 or more.", [nameof(ConfirmationsPerDay)]);
        }

        if (!string.IsNullOrEmpty(UnsubscribeMailto)
            && !(SubscriberEmail.TryNormalize(UnsubscribeMailto, out var address) && address.All(char.IsAscii)))
        {
            yield return new ValidationResult(
                "Newsletter:UnsubscribeMailto must be a bare e-mail address with an ASCII domain, for example unsubscribe@staraya-russa.example.",
                [nameof(UnsubscribeMailto)]);
        }
    }
}
