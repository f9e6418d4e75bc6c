namespace Sanatorium.Core.Content;

/// <summary>The resort's contact details: the phone in every page's header, the address in its footer.</summary>
public sealed class ContactDetails
{
    /// <summary>There is one set of contact details; this is its key.</summary>
    public const int SingleId = 1;

    private ContactDetails()
    {
    }

    public ContactDetails(string phone, string addressRu, string addressEn)
    {
        Id = SingleId;
        Update(phone, addressRu, addressEn);
    }

    public int Id { get; private set; }

    /// <summary>As visitors should dial it, for example "+7 (816) 123-45-67"; empty when not given.</summary>
    public string Phone { get; private set; } = "";

    public string AddressRu { get; private set; } = "";

    public string AddressEn { get; private set; } = "";

    public string Address(Language language) => language == Language.En ? AddressEn : AddressRu;

    /// <summary>The resort's e-mail for visitors (a mailto: link in the header); empty when not given.</summary>
    public string Email { get; set; } = "";

    /// <summary>Where enquiries about a stay are mailed; empty: to <see cref="Email"/>.</summary>
    public string EnquiryEmail { get; set; } = "";

    /// <summary>How to get there by train, bus and car, in Markdown.</summary>
    public string DirectionsRu { get; set; } = "";

    public string DirectionsEn { get; set; } = "";

    public string Directions(Language language) => language == Language.En ? DirectionsEn : DirectionsRu;

    /// <summary>The resort's position (WGS 84) for the map link and structured data; null when not given.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>The phone as a tel: link target: digits and a leading plus only.</summary>
    public string PhoneLink => "tel:" + new string(Phone.Where((c, i) => char.IsAsciiDigit(c) || (c == '+' && i == 0)).ToArray());

    public void Update(string phone, string addressRu, string addressEn)
    {
        Phone = phone.Trim();
        AddressRu = addressRu.Trim();
        AddressEn = addressEn.Trim();
    }
}
