using System.ComponentModel.DataAnnotations;

namespace Sanatorium.Infrastructure.Enquiries;

/// <summary><c>Enquiries:*</c>: how long the personal data of an enquiry about a stay is kept, and how often old ones are looked for.</summary>
public sealed class EnquiryOptions
{
    public const string Section = "Enquiries";

    /// <summary>Days after which an enquiry's name, phone, e-mail, message and notes are erased (a year by default).</summary>
    [Range(1, 3650, ErrorMessage = "Enquiries:RetentionDays must be a whole number of days from 1 to 3650, e.g. 365.")]
    public int RetentionDays { get; set; } = 365;

    /// <summary>How often the retention job looks for enquiries past the period.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "1.00:00:00", ErrorMessage = "Enquiries:RetentionCheckInterval must be between 0.1 second and a day, e.g. 01:00:00.")]
    public TimeSpan RetentionCheckInterval { get; set; } = TimeSpan.FromHours(1);
}
