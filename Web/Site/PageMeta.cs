using Sanatorium.Core;

namespace Sanatorium.Web.Site;

/// <summary>
/// What the layout needs to describe a page: its title and meta description, and the path of the
/// same page in each language it exists in (canonical, hreflang, Open Graph and the language switch come from it).
/// </summary>
public sealed record PageMeta(
    string Title,
    string Description,
    IReadOnlyDictionary<Language, string> Paths,
    bool NoIndex = false)
{
    /// <summary>The site path of the picture a shared link shows; null: the site's default preview.</summary>
    public string? Image { get; init; }

    /// <summary>A piece of content (og:type article) rather than one of the site's own pages (website).</summary>
    public bool IsArticle { get; init; }

    /// <summary>
    /// The trail a breadcrumb list shows, the page itself last (its heading and path); empty where the
    /// page shows no breadcrumbs. Search engines get it as a JSON-LD BreadcrumbList.
    /// </summary>
    public IReadOnlyList<Link> Breadcrumbs { get; init; } = [];

    /// <summary>The picture a shared link shows when its page has none of its own (1200×630).</summary>
    public const string DefaultImage = "/img/preview.png";

    /// <summary>The Open Graph locale of a language.</summary>
    public static string Locale(Language language) => language == Language.En ? "en_GB" : "ru_RU";

    /// <summary>The same page in <paramref name="language"/>, or that language's home page when there is no translation.</summary>
    public string PathIn(Language language) => Paths.GetValueOrDefault(language) ?? SiteUrls.Home(language);
}
