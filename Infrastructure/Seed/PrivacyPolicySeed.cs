using Sanatorium.Core;

namespace Sanatorium.Infrastructure.Seed;

/// <summary>
/// The personal data policy the newsletter form's consent links to (152-FZ): an info page seeded in
/// both languages, found by its key, which editors can change like any other.
/// </summary>
public static class PrivacyPolicySeed
{
    public const string Key = "privacy-policy";

    /// <summary>The seeded slug; a slug an editor changes later redirects from this one.</summary>
    public static string Slug(Language language) =>
        language == Language.En ? "privacy-policy" : "politika-obrabotki-personalnyh-dannyh";
}
