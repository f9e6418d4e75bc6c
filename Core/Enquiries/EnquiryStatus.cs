namespace Sanatorium.Core.Enquiries;

/// <summary>Where an enquiry about a stay is in the back office's inbox.</summary>
public enum EnquiryStatus
{
    New,
    InProgress,
    Done,
}
