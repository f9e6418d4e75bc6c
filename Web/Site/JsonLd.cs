using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Html;
using Sanatorium.Core;
using Sanatorium.Core.Content;

namespace Sanatorium.Web.Site;

/// <summary>
/// Structured data for search engines (schema.org as JSON-LD, see docs/decisions/0026-search-engines-and-link-previews.md).
/// System.Text.Json writes it: its encoder escapes &lt;, &gt; and &amp; in every string, so nothing an
/// editor types can close the script element; Cyrillic is written as it is.
/// </summary>
public static class JsonLd
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(HtmlEncoding.Settings),
    };

    /// <summary>A <c>script type="application/ld+json"</c> element: data the browser does not run, so the CSP allows it.</summary>
    public static IHtmlContent Script(JsonObject data) =>
        new HtmlString($"<script type=\"application/ld+json\">{data.ToJsonString(Options)}</script>");

    /// <summary>The resort: a MedicalOrganization, with what the back office knows of its address, position and phone.</summary>
    public static JsonObject Organization(string name, string url, string logo, ContactDetails? contacts, Language language)
    {
        var organization = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "MedicalOrganization",
            ["name"] = name,
            ["url"] = url,
            ["logo"] = logo,
        };
        if (contacts is null)
        {
            return organization;
        }

        organization["address"] = new JsonObject
        {
            ["@type"] = "PostalAddress",
            ["streetAddress"] = contacts.Address(language),
            ["addressCountry"] = "RU",
        };
        if (contacts.Latitude is { } latitude && contacts.Longitude is { } longitude)
        {
            // An organisation has no geo of its own in schema.org: its position is its location's.
            organization["location"] = new JsonObject
            {
                ["@type"] = "Place",
                ["geo"] = new JsonObject { ["@type"] = "GeoCoordinates", ["latitude"] = latitude, ["longitude"] = longitude },
            };
        }

        if (contacts.Phone.Length > 0)
        {
            organization["telephone"] = contacts.Phone;
        }

        if (contacts.Email.Length > 0)
        {
            organization["email"] = contacts.Email;
        }

        return organization;
    }

    /// <summary>A BreadcrumbList of absolute URLs, in the order the page's breadcrumbs show them.</summary>
    public static JsonObject Breadcrumbs(IEnumerable<(string Name, string Url)> trail) => new()
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "BreadcrumbList",
        ["itemListElement"] = new JsonArray(trail.Select((crumb, i) => (JsonNode)new JsonObject
        {
            ["@type"] = "ListItem",
            ["position"] = i + 1,
            ["name"] = crumb.Name,
            ["item"] = crumb.Url,
        }).ToArray()),
    };
}
