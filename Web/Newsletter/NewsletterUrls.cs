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

    /// <summary>The consent to the processing of personal data that forms link to (seeded by <see cref="ConsentSeed"/>).</summary>
    public static string PersonalDataConsent(Language language) => SiteUrls.Info(language, ConsentSeed.Slug(language));

    private static string Prefix(Language language) => language == Language.En ? "/en" : "";
}
