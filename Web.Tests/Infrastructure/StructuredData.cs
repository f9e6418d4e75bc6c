using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Sanatorium.Web.Tests.Infrastructure;

/// <summary>The JSON-LD blocks of a page, parsed: data for search engines, which the browser does not run.</summary>
public static class StructuredData
{
    public const string Type = "application/ld+json";

    /// <summary>Every JSON-LD block of <paramref name="page"/> whose @type is <paramref name="type"/>.</summary>
    public static IReadOnlyList<JsonElement> Of(IDocument page, string type) =>
        page.Scripts.Where(IsData)
            .Select(s => JsonDocument.Parse(s.Text).RootElement)
            .Where(json => json.GetProperty("@type").GetString() == type)
            .ToList();

    /// <summary>A JSON-LD block: no source, valid JSON, and nothing in it that could end the script element.</summary>
    public static bool IsData(IHtmlScriptElement script)
    {
        if (script.Type != Type || script.Source is not null || script.Text.Contains('<', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(script.Text);
            return json.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
