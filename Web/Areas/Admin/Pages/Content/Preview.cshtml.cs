using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Areas.Admin.Pages.Content;

/// <summary>
/// The newest draft in one language, rendered by the public page's own layout and partial; the
/// request speaks the previewed language (<see cref="SiteLanguage"/> reads it from the URL).
/// </summary>
public sealed class PreviewModel(ContentEditor editor, SanatoriumDbContext db, TimeProvider time) : ContentPageModel
{
    [FromRoute]
    public int Id { get; set; }

    [FromRoute(Name = "lang")]
    public string LanguageCode { get; set; } = "";

    public string PartialName { get; private set; } = "";

    public object Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var entity = await editor.FindAsync(Kind, Id, cancellationToken);
        if (entity is null || !Languages.TryParse(LanguageCode, out var lang))
        {
            return NotFound();
        }

        var draft = (await editor.LatestAsync(Kind, Id, cancellationToken))?.Draft ?? entity.ToDraft();
        if (!draft.HasTranslation(lang))
        {
            return NotFound();
        }

        var fields = draft.Fields(lang);
        (PartialName, Article) = Kind switch
        {
            ContentKind.Treatment => ("_TreatmentArticle", await TreatmentAsync(draft, lang, cancellationToken)),
            ContentKind.Profile => ("_ProfileArticle", (object)new ProfileArticle(
                fields[ContentFields.Title],
                fields.GetValueOrDefault(ContentFields.Summary, ""),
                await TreatmentsOfProfileAsync(lang, cancellationToken))),
            ContentKind.Promotion => ("_PromotionArticle", Promotion(draft, lang)),
            _ => ("_InfoArticle", new InfoArticle(fields[ContentFields.Title], fields.GetValueOrDefault(ContentFields.Body, ""))),
        };
        ViewData["Meta"] = new PageMeta(
            fields[ContentFields.Title],
            fields.GetValueOrDefault(ContentFields.MetaDescription, ""),
            Languages.All.Where(draft.HasTranslation).ToDictionary(l => l, l => ContentKinds.PreviewPath(Kind, Id, l)),
            NoIndex: true);
        return Page();
    }

    private PromotionArticle Promotion(Draft draft, Language lang)
    {
        var fields = draft.Fields(lang);
        // A preview shows a draft as it is: a date not filled in yet shows as the default.
        _ = ContentFields.TryParseDate(draft.Shared.GetValueOrDefault(ContentFields.StartsOn), out var starts);
        _ = ContentFields.TryParseDate(draft.Shared.GetValueOrDefault(ContentFields.EndsOn), out var ends);
        return new PromotionArticle(
            fields[ContentFields.Title],
            ContentKinds.PreviewPath(Kind, Id, lang),
            fields.GetValueOrDefault(ContentFields.Text, ""),
            Guid.TryParse(draft.Shared.GetValueOrDefault(ContentFields.ImageId), out var image) ? image : null,
            fields.GetValueOrDefault(ContentFields.ImageAlt, ""),
            starts,
            ends);
    }

    private async Task<TreatmentArticle> TreatmentAsync(Draft draft, Language lang, CancellationToken cancellationToken)
    {
        var fields = draft.Fields(lang);
        var treatment = new TreatmentTranslation(lang, fields[ContentFields.Slug], fields[ContentFields.Title]);
        treatment.WriteFields(fields);
        var profileId = int.TryParse(draft.Shared.GetValueOrDefault(ContentFields.ProfileId), out var id) ? id : 0;
        var profile = await db.ProfileTranslations
            .Where(p => p.ProfileId == profileId && p.Language == lang)
            .Select(p => new Link(SiteUrls.Profile(lang, p.Slug), p.Title))
            .FirstOrDefaultAsync(cancellationToken);
        return new TreatmentArticle(treatment, profile);
    }

    private async Task<IReadOnlyList<Link>> TreatmentsOfProfileAsync(Language lang, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.TreatmentTranslations.Published(now)
            .Where(t => t.Language == lang && db.Treatments.Any(x => x.Id == t.TreatmentId && x.ProfileId == Id))
            .Select(t => new Link(SiteUrls.Treatment(lang, t.Slug), t.Title))
            .ToListAsync(cancellationToken);
    }
}
