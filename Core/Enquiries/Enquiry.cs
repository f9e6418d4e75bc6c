namespace Sanatorium.Core.Enquiries;

/// <summary>
/// A visitor's enquiry about a stay, sent from the public form: who asks (a name and a phone or an
/// e-mail), when and with how many guests, which treatment profile interests them, and their consent.
/// Staff move it through <see cref="EnquiryStatus"/>; its personal data is erased after the retention period.
/// </summary>
public sealed class Enquiry
{
    public const int MaxNameLength = 200;
    public const int MaxPhoneLength = 40;
    public const int MaxEmailLength = 254;
    public const int MaxMessageLength = 4000;
    public const int MaxNotesLength = 4000;
    public const int MaxConsentSourceLength = 400;

    private Enquiry()
    {
    }

    public Enquiry(DateTimeOffset createdAt, Language language)
    {
        CreatedAt = createdAt;
        Language = language;
        Status = EnquiryStatus.New;
    }

    public long Id { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The language of the page it was sent from: the acknowledgement and any answer use it.</summary>
    public Language Language { get; private set; }

    public string Name { get; set; } = "";

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public DateOnly? Arrival { get; set; }

    public DateOnly? Departure { get; set; }

    public int? Guests { get; set; }

    /// <summary>The treatment profile the visitor is interested in; null when none was chosen or it was deleted.</summary>
    public int? ProfileId { get; set; }

    public string Message { get; set; } = "";

    /// <summary>When the visitor consented to the processing of personal data, on which page, and a keyed hash of their IP address.</summary>
    public DateTimeOffset ConsentAt { get; set; }

    public string ConsentSource { get; set; } = "";

    public byte[]? ConsentIpHash { get; set; }

    public EnquiryStatus Status { get; set; }

    /// <summary>The staff member (their e-mail) who handles it; null while nobody does.</summary>
    public string? Assignee { get; set; }

    /// <summary>Staff notes, never shown to the visitor.</summary>
    public string Notes { get; set; } = "";

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>When its personal data was erased (after the retention period); null while it is kept.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    /// <summary>Optimistic concurrency: PostgreSQL's xmin.</summary>
    public uint Version { get; private set; }

    /// <summary>Removes everything that identifies the visitor; the dates, guests, profile and status stay for the figures.</summary>
    public void Erase(DateTimeOffset at)
    {
        Name = "";
        Phone = null;
        Email = null;
        Message = "";
        Notes = "";
        ConsentIpHash = null;
        ErasedAt = at;
    }
}
