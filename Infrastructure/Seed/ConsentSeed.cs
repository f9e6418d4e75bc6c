using Sanatorium.Core;

namespace Sanatorium.Infrastructure.Seed;

/// <summary>
/// The consent to the processing of personal data (152-FZ) that every form collecting personal data links
/// to, beside the privacy policy: an info page seeded in both languages, found by its key.
/// </summary>
public static class ConsentSeed
{
    public const string Key = "personal-data-consent";

    /// <summary>The seeded slug; a slug an editor changes later redirects from this one.</summary>
    public static string Slug(Language language) =>
        language == Language.En ? "personal-data-consent" : "soglasie-na-obrabotku-personalnyh-dannyh";
}
