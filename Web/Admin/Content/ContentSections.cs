using System.Diagnostics.CodeAnalysis;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Admin.Content;

/// <summary>
/// What the web site adds to a kind's description (<see cref="ContentKinds"/>): its section of the back office
/// at /admin/content/{<paramref name="Segment"/>}, headed by the resource <paramref name="NameKey"/>; its public
/// address; and the partial that shows it to visitors and in the preview, with the partial's model made
/// from a draft (<see cref="DraftArticles"/>).
/// </summary>
public sealed record ContentSection(
    ContentKind Kind,
    string Segment,
    string NameKey,
    Func<Language, string, string> PublicPath,
    string Partial,
    Func<DraftPreview, CancellationToken, Task<object>> Article)
{
    public string ListPath => $"/admin/content/{Segment}";

    public string EditPath(int? id = null) => $"{ListPath}/edit/{id}".TrimEnd('/');

    public string HistoryPath(int id) => $"{ListPath}/{id}/history";

    public string PreviewPath(int id, Language language) => $"{ListPath}/{id}/preview/{language.Code()}";
}

/// <summary>Every kind's section of the back office, in the order of its menu.</summary>
public static class ContentSections
{
    public static IReadOnlyList<ContentSection> All { get; } =
    [
        new(ContentKind.Treatment, "treatments", "Treatments", SiteUrls.Treatment, "_TreatmentArticle", DraftArticles.TreatmentAsync),
        new(ContentKind.Profile, "profiles", "Profiles", SiteUrls.Profile, "_ProfileArticle", DraftArticles.ProfileAsync),
        new(ContentKind.InfoPage, "pages", "InfoPages", SiteUrls.Info, "_InfoArticle", DraftArticles.InfoPageAsync),
        new(ContentKind.Promotion, "promotions", "Promotions", SiteUrls.Promotion, "_PromotionArticle", DraftArticles.PromotionAsync),
    ];

    public static ContentSection Of(ContentKind kind) =>
        All.FirstOrDefault(s => s.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "A kind of content without a back office section.");

    public static bool TryParse(string? segment, [NotNullWhen(true)] out ContentSection? section)
    {
        section = All.FirstOrDefault(s => string.Equals(s.Segment, segment, StringComparison.OrdinalIgnoreCase));
        return section is not null;
    }
}
