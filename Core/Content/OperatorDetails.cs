namespace Sanatorium.Core.Content;

/// <summary>
/// Who operates the resort, as Russian law asks a site that collects personal data to say: the legal
/// entity, its INN and OGRN, its legal address, and the medical licence. Edited in the back office;
/// the seed leaves every field empty (nothing is invented), and a page shows only what is filled in.
/// </summary>
public sealed class OperatorDetails
{
    /// <summary>There is one set of operator details; this is its key.</summary>
    public const int SingleId = 1;

    public int Id { get; private set; } = SingleId;

    public string LegalNameRu { get; set; } = "";

    public string LegalNameEn { get; set; } = "";

    /// <summary>10 digits for an organisation (12 for an individual entrepreneur).</summary>
    public string Inn { get; set; } = "";

    /// <summary>13 digits (15 for an individual entrepreneur).</summary>
    public string Ogrn { get; set; } = "";

    public string LegalAddressRu { get; set; } = "";

    public string LegalAddressEn { get; set; } = "";

    /// <summary>The medical licence: its number, date and issuing authority, as free text per language.</summary>
    public string LicenceRu { get; set; } = "";

    public string LicenceEn { get; set; } = "";

    public string LegalName(Language language) => language == Language.En ? LegalNameEn : LegalNameRu;

    public string LegalAddress(Language language) => language == Language.En ? LegalAddressEn : LegalAddressRu;

    public string Licence(Language language) => language == Language.En ? LicenceEn : LicenceRu;
}
