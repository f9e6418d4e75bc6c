using Sanatorium.Core;

namespace Sanatorium.Web.Site;

/// <summary>The public URL scheme: Russian at the root, English under /en/, each with its own slugs.</summary>
public static class SiteUrls
{
    public static string Home(Language language) => language == Language.En ? "/en/" : "/";

    public static string Profile(Language language, string slug) => Prefix(language) + "/profiles/" + slug;

    public static string Treatment(Language language, string slug) => Prefix(language) + "/treatments/" + slug;

    public static string Info(Language language, string slug) => Prefix(language) + "/info/" + slug;

    public static string Promotions(Language language) => Prefix(language) + "/promotions";

    public static string Promotion(Language language, string slug) => Prefix(language) + "/promotions/" + slug;

    public static string Media(Guid id) => "/media/" + id;

    public static string Accessibility(Language language) => Prefix(language) + "/accessibility";

    public static string Prices(Language language) => Prefix(language) + "/prices";

    public static string OperatorDetails(Language language) => Prefix(language) + "/operator-details";

    public static string Contacts(Language language) => Prefix(language) + "/contacts";

    public static IReadOnlyDictionary<Language, string> Everywhere(Func<Language, string> path) =>
        Languages.All.ToDictionary(l => l, path);

    private static string Prefix(Language language) => language == Language.En ? "/en" : "";
}
