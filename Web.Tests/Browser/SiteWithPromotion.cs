using Sanatorium.Core;
using Sanatorium.Core.Content;

namespace Sanatorium.Web.Tests.Browser;

/// <summary>The site with a current promotion (and its picture) and a stay package, so that the home, promotions and prices pages show them.</summary>
public sealed class SiteWithPromotion : BrowserSite
{
    public const string RussianSlug = "vesennee-predlozhenie";
    public const string EnglishSlug = "spring-offer";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await WithDbAsync(async db =>
        {
            var picture = new MediaFile("image/png", Convert.FromBase64String(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
                DateTimeOffset.UtcNow, "test");
            db.MediaFiles.Add(picture);
            var promotion = new Promotion("axe", DateOnly.MinValue, DateOnly.MaxValue);
            promotion.AddTranslation(new PromotionTranslation(Language.Ru, RussianSlug, "Весеннее предложение") { Text = "Скидка **10%**.", ImageAlt = "Парк курорта весной" });
            promotion.AddTranslation(new PromotionTranslation(Language.En, EnglishSlug, "Spring offer") { Text = "**10%** off.", ImageAlt = "The resort's park in spring" });
            promotion.WriteShared(new Dictionary<string, string> { [ContentFields.ImageId] = picture.Id.ToString() });
            promotion.PublishAll(DateTimeOffset.UtcNow.AddMinutes(-1));
            db.Promotions.Add(promotion);
            db.StayPackages.Add(new StayPackage
            {
                NameRu = "Лечение и отдых", NameEn = "Treatment and rest", Nights = 14, PricePerPerson = 45000.50m,
                IncludedRu = "- Проживание\n- Питание", IncludedEn = "- Accommodation\n- Meals", ValidTo = DateOnly.MaxValue,
            });
            await db.SaveChangesAsync();
        });
    }
}
