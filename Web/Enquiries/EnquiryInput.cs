using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Enquiries;
using Sanatorium.Core.Subscribers;

namespace Sanatorium.Web.Enquiries;

/// <summary>
/// The enquiry form as the browser sends it: every field a string, so that nothing a hostile client
/// sends fails in model binding with the framework's English message; <see cref="Validate"/> reads it
/// and says, per field and in the visitor's language, what is wrong.
/// </summary>
public sealed partial class EnquiryInput
{
    public const int MaxGuests = 20;

    /// <summary>How far ahead a stay can be asked about.</summary>
    public const int YearsAhead = 2;

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>As an <c>input type=date</c> sends it: yyyy-MM-dd.</summary>
    public string? Arrival { get; set; }

    public string? Departure { get; set; }

    public string? Guests { get; set; }

    public string? ProfileId { get; set; }

    public string? Message { get; set; }

    public string? Consent { get; set; }

    /// <summary>
    /// The enquiry the form describes, or null with <paramref name="errors"/> filled in (field name to
    /// message). <paramref name="profiles"/> are the ids of the profiles the form offers.
    /// </summary>
    public EnquiryRequest? Validate(DateOnly today, IReadOnlyCollection<int> profiles, IStringLocalizer text, Dictionary<string, string> errors)
    {
        var name = (Name ?? "").Trim();
        if (name.Length == 0)
        {
            errors[nameof(Name)] = text["NameRequired"];
        }
        else if (name.Length > Enquiry.MaxNameLength || HasControl(name, allowLines: false))
        {
            errors[nameof(Name)] = text["NameInvalid", Enquiry.MaxNameLength];
        }

        var phone = (Phone ?? "").Trim();
        if (phone.Length > 0 && (phone.Length > Enquiry.MaxPhoneLength || !PhonePattern().IsMatch(phone)))
        {
            errors[nameof(Phone)] = text["PhoneInvalid"];
        }

        string? email = null;
        if (!string.IsNullOrWhiteSpace(Email) && !SubscriberEmail.TryNormalize(Email, out email))
        {
            errors[nameof(Email)] = text["EmailInvalid"];
        }

        if (phone.Length == 0 && string.IsNullOrWhiteSpace(Email))
        {
            errors[nameof(Phone)] = errors[nameof(Email)] = text["PhoneOrEmailRequired"];
        }

        var (arrival, departure) = (Date(Arrival, nameof(Arrival)), Date(Departure, nameof(Departure)));
        if (arrival is { } from && departure is { } to && to <= from)
        {
            errors[nameof(Departure)] = text["DepartureBeforeArrival"];
        }
        else if (arrival is null != departure is null && !errors.ContainsKey(nameof(Arrival)) && !errors.ContainsKey(nameof(Departure)))
        {
            errors[arrival is null ? nameof(Arrival) : nameof(Departure)] = text["BothDatesRequired"];
        }

        int? guests = null;
        if (!string.IsNullOrWhiteSpace(Guests))
        {
            if (int.TryParse(Guests.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxGuests)
            {
                guests = count;
            }
            else
            {
                errors[nameof(Guests)] = text["GuestsInvalid", MaxGuests];
            }
        }

        int? profile = null;
        if (!string.IsNullOrEmpty(ProfileId))
        {
            if (int.TryParse(ProfileId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && profiles.Contains(id))
            {
                profile = id;
            }
            else
            {
                errors[nameof(ProfileId)] = text["ProfileInvalid"];
            }
        }

        var message = (Message ?? "").Trim();
        if (message.Length > Enquiry.MaxMessageLength || HasControl(message, allowLines: true))
        {
            errors[nameof(Message)] = text["MessageInvalid", Enquiry.MaxMessageLength];
        }

        if (Consent != "true")
        {
            errors[nameof(Consent)] = text["ConsentRequired"];
        }

        return errors.Count == 0
            ? new EnquiryRequest(name, phone.Length == 0 ? null : phone, email, arrival, departure, guests, profile, message)
            : null;

        DateOnly? Date(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors[field] = text["DateInvalid"];
                return null;
            }

            if (date < today || date > today.AddYears(YearsAhead))
            {
                errors[field] = text["DateOutOfRange", YearsAhead];
                return null;
            }

            return date;
        }
    }

    /// <summary>Control characters (CR and LF among them, which could split a mail header) other than a message's line breaks and tabs.</summary>
    private static bool HasControl(string value, bool allowLines) =>
        value.Any(c => char.IsControl(c) && !(allowLines && c is '\r' or '\n' or '\t'));

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{4,38}$")]
    private static partial Regex PhonePattern();
}

/// <summary>A valid enquiry as the form gave it, trimmed and parsed.</summary>
public sealed record EnquiryRequest(
    string Name,
    string? Phone,
    string? Email,
    DateOnly? Arrival,
    DateOnly? Departure,
    int? Guests,
    int? ProfileId,
    string Message);
