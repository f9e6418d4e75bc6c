using Sanatorium.Core;

namespace Sanatorium.Web.Site;

/// <summary>
/// What the layout needs to describe a page: its title and meta description, and the path of the
/// same page in each language it exists in (canonical, hreflang and the language switch come from it).
/// </summary>
public sealed record PageMeta(
    string Title,
    string Description,
    IReadOnlyDictionary<Language, string> Paths,
    bool NoIndex = false)
{
    /// <summary>The same page in <paramref name="language"/>, or that language's home page when there is no translation.</summary>
    public string PathIn(Language language) => Paths.GetValueOrDefault(language) ?? SiteUrls.Home(language);
}
