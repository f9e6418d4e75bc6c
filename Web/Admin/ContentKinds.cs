using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Admin;

/// <summary>How each kind of content appears in back office URLs (/admin/content/{segment}) and on the public site.</summary>
public static class ContentKinds
{
    private static readonly Dictionary<string, ContentKind> Segments = new(StringComparer.OrdinalIgnoreCase)
    {
        ["treatments"] = ContentKind.Treatment,
        ["profiles"] = ContentKind.Profile,
        ["pages"] = ContentKind.InfoPage,
        ["promotions"] = ContentKind.Promotion,
    };

    public static IReadOnlyCollection<string> AllSegments => Segments.Keys;

    public static bool TryParse(string? segment, out ContentKind kind) =>
        Segments.TryGetValue(segment ?? "", out kind);

    public static string Segment(ContentKind kind) => Segments.First(s => s.Value == kind).Key;

    public static string PublicPath(ContentKind kind, Language language, string slug) => kind switch
    {
        ContentKind.Treatment => SiteUrls.Treatment(language, slug),
        ContentKind.Profile => SiteUrls.Profile(language, slug),
        ContentKind.InfoPage => SiteUrls.Info(language, slug),
        ContentKind.Promotion => SiteUrls.Promotion(language, slug),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The resource key of a kind's plural name (the section heading).</summary>
    public static string NameKey(ContentKind kind) => kind switch
    {
        ContentKind.Treatment => "Treatments",
        ContentKind.Profile => "Profiles",
        ContentKind.Promotion => "Promotions",
        _ => "InfoPages",
    };

    public static string EditPath(ContentKind kind, int? id = null) => $"/admin/content/{Segment(kind)}/edit/{id}".TrimEnd('/');

    public static string HistoryPath(ContentKind kind, int id) => $"/admin/content/{Segment(kind)}/{id}/history";

    public static string PreviewPath(ContentKind kind, int id, Language language) =>
        $"/admin/content/{Segment(kind)}/{id}/preview/{language.Code()}";
}
