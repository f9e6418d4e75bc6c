using Microsoft.AspNetCore.Mvc;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Content;
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

        var preview = new DraftPreview(db, draft, lang, Id, Section.PreviewPath(Id, lang), time.GetUtcNow());
        Article = await Section.Article(preview, cancellationToken);
        ViewData["Meta"] = new PageMeta(
            SeoTitles.Of(lang, preview.Field(ContentFields.SeoTitle), preview.Field(ContentFields.Title)),
            preview.Field(ContentFields.MetaDescription),
            Languages.All.Where(draft.HasTranslation).ToDictionary(l => l, l => Section.PreviewPath(Id, l)),
            NoIndex: true);
        return Page();
    }
}
