using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Admin.Content;

/// <summary>A draft to preview in one language: piece <paramref name="Id"/>, shown at <paramref name="Path"/>.</summary>
public sealed record DraftPreview(SanatoriumDbContext Db, Draft Draft, Language Language, int Id, string Path, DateTimeOffset Now)
{
    public IReadOnlyDictionary<string, string> Fields => Draft.Fields(Language);

    public string Field(string name) => Fields.GetValueOrDefault(name, "");
}

/// <summary>
/// The models of the public article partials (Site/Articles.cs) made from a draft, for the back office
/// preview: the page visitors will get once the draft is published.
/// </summary>
public static class DraftArticles
{
    public static async Task<object> TreatmentAsync(DraftPreview preview, CancellationToken cancellationToken)
    {
        var (lang, fields) = (preview.Language, preview.Fields);
        var treatment = new TreatmentTranslation(lang, fields[ContentFields.Slug], fields[ContentFields.Title]);
        treatment.WriteFields(fields);
        var profileId = int.TryParse(preview.Draft.Shared.GetValueOrDefault(ContentFields.ProfileId), out var id) ? id : 0;
        var profile = await preview.Db.ProfileTranslations
            .Where(p => p.ProfileId == profileId && p.Language == lang)
            .Select(p => new Link(SiteUrls.Profile(lang, p.Slug), p.Title))
            .FirstOrDefaultAsync(cancellationToken);
        return new TreatmentArticle(treatment, profile);
    }

    public static async Task<object> ProfileAsync(DraftPreview preview, CancellationToken cancellationToken)
    {
        var (db, lang) = (preview.Db, preview.Language);
        var treatments = await db.TreatmentTranslations.Published(preview.Now)
            .Where(t => t.Language == lang && db.Treatments.Any(x => x.Id == t.TreatmentId && x.ProfileId == preview.Id))
            .Select(t => new Link(SiteUrls.Treatment(lang, t.Slug), t.Title))
            .ToListAsync(cancellationToken);
        return new ProfileArticle(preview.Field(ContentFields.Title), preview.Field(ContentFields.Summary), treatments);
    }

    public static Task<object> InfoPageAsync(DraftPreview preview, CancellationToken _) =>
        Task.FromResult<object>(new InfoArticle(preview.Field(ContentFields.Title), preview.Field(ContentFields.Body)));

    public static Task<object> PromotionAsync(DraftPreview preview, CancellationToken cancellationToken)
    {
        var shared = preview.Draft.Shared;
        // A preview shows a draft as it is: a date not filled in yet shows as the default.
        _ = ContentFields.TryParseDate(shared.GetValueOrDefault(ContentFields.StartsOn), out var starts);
        _ = ContentFields.TryParseDate(shared.GetValueOrDefault(ContentFields.EndsOn), out var ends);
        return Task.FromResult<object>(new PromotionArticle(
            preview.Field(ContentFields.Title),
            preview.Path,
            preview.Field(ContentFields.Text),
            Guid.TryParse(shared.GetValueOrDefault(ContentFields.ImageId), out var image) ? image : null,
            preview.Field(ContentFields.ImageAlt),
            starts,
            ends));
    }
}
