namespace Sanatorium.Web;

/// <summary>Marker for the strings of the contacts page, the enquiry form, its mails and the enquiries inbox in Resources/EnquiryResource*.resx (Russian is the neutral language).</summary>
public sealed class EnquiryResource
{
}
