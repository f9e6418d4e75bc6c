using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Web.Site;

/// <summary>The promotions running today in one language (published and within their dates), for the home and promotions pages.</summary>
public sealed class PromotionCards(SanatoriumDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<PromotionArticle>> CurrentAsync(Language language, CancellationToken cancellationToken)
    {
        var (visible, today) = (Translation.VisibleAt<PromotionTranslation>(time.GetUtcNow()), ResortClock.Today(time));
        var rows = await db.Promotions
            .Where(Promotion.RunningOn(today))
            .OrderBy(p => p.EndsOn)
            .SelectMany(p => p.Translations.AsQueryable().Where(visible)
                .Where(t => t.Language == language)
                .Select(t => new { t.Title, t.Slug, t.Text, p.ImageId, t.ImageAlt, p.StartsOn, p.EndsOn }))
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new PromotionArticle(
                r.Title, SiteUrls.Promotion(language, r.Slug), r.Text, r.ImageId, r.ImageAlt, r.StartsOn, r.EndsOn))
            .ToList();
    }
}
