using System.Globalization;
using Sanatorium.Core;
using Sanatorium.Core.Content;

namespace Sanatorium.Web.Enquiries;

/// <summary>The enquiry form's public addresses (Russian at the root, English under /en/), and the map link of the contacts page.</summary>
public static class EnquiryUrls
{
    public static string Form(Language language) => Prefix(language) + "/enquiry";

    public static string Sent(Language language) => Prefix(language) + "/enquiry/sent";

    /// <summary>
    /// The resort in Yandex Maps: a pin at its position when the back office gives one, otherwise a
    /// search for its address; null when neither is known. A plain link: no map script on our pages.
    /// </summary>
    public static string? YandexMaps(ContactDetails contacts, Language language)
    {
        if (contacts is { Latitude: { } latitude, Longitude: { } longitude })
        {
            var point = string.Create(CultureInfo.InvariantCulture, $"{longitude},{latitude}");
            return $"https://yandex.ru/maps/?pt={point}&z=16&l=map";
        }

        var address = contacts.Address(language);
        return address.Length == 0 ? null : "https://yandex.ru/maps/?text=" + Uri.EscapeDataString(address);
    }

    private static string Prefix(Language language) => language == Language.En ? "/en" : "";
}
