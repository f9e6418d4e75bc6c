using Sanatorium.Core;
using Sanatorium.Infrastructure.Seed;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Newsletter;

/// <summary>The newsletter's public addresses, Russian at the root and English under /en/ like every public page.</summary>
public static class NewsletterUrls
{
    public static string Form(Language language) => Prefix(language) + "/newsletter";

    public static string Sent(Language language) => Prefix(language) + "/newsletter/sent";

    public static string PrivacyPolicy(Language language) => SiteUrls.Info(language, PrivacyPolicySeed.Slug(language));

    private static string Prefix(Language language) => language == Language.En ? "/en" : "";
}
