using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Core.Newsletters;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Campaigns;

/// <summary>Campaigns and promotions written straight into a test's database, and a marketer to work on them.</summary>
public static class CampaignData
{
    /// <summary>A 1x1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A draft with the words given per language (subject and Markdown body), for <paramref name="audience"/> (null: everyone).</summary>
    public static Task<long> AddCampaignAsync(
        this SiteFactory site,
        string name,
        Language? audience,
        IReadOnlyDictionary<Language, (string Subject, string Body)> words,
        params int[] promotionIds) =>
        site.WithDbAsync(async db =>
        {
            var campaign = new Campaign(name, "admin@staraya-russa.test", DateTimeOffset.UtcNow)
            {
                AudienceLanguage = audience,
                PromotionIds = [.. promotionIds],
            };
            foreach (var (language, (subject, body)) in words)
            {
                var translation = campaign.TranslationFor(language);
                translation.Subject = subject;
                translation.Preheader = language == Language.En ? "Read before you book" : "Прочтите до бронирования";
                translation.Body = body;
            }

            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            return campaign.Id;
        });

    /// <summary>A draft in both languages, a link in each body.</summary>
    public static Task<long> AddBilingualCampaignAsync(this SiteFactory site, string name = "Autumn offer", params int[] promotionIds) =>
        site.AddCampaignAsync(name, null, new Dictionary<Language, (string, string)>
        {
            [Language.Ru] = ("Осенние скидки", "Приезжайте **осенью**: [программа лечения](https://example.org/ru/program)."),
            [Language.En] = ("Autumn offer", "Come in **autumn**: [the treatment programme](https://example.org/en/program)."),
        }, promotionIds);

    /// <summary>A running promotion published in both languages, with a picture; returns its id and the picture's.</summary>
    public static Task<(int Id, Guid Picture)> AddPromotionAsync(this SiteFactory site, string key = "mud") =>
        site.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var picture = new MediaFile("image/png", Png, DateTimeOffset.UtcNow, "test");
            var promotion = new Promotion(key, today.AddDays(-1), today.AddDays(30));
            promotion.WriteShared(new Dictionary<string, string> { [ContentFields.ImageId] = picture.Id.ToString() });
            promotion.AddTranslation(new PromotionTranslation(Language.Ru, key + "-skidka", "Скидка на грязелечение") { ImageAlt = "Грязевые ванны" });
            promotion.AddTranslation(new PromotionTranslation(Language.En, key + "-offer", "Mud therapy offer") { ImageAlt = "Mud baths" });
            promotion.PublishAll(DateTimeOffset.UtcNow.AddMinutes(-1));
            db.MediaFiles.Add(picture);
            db.Promotions.Add(promotion);
            await db.SaveChangesAsync();
            return (promotion.Id, picture.Id);
        });

    public static Task<Campaign> CampaignAsync(this SiteFactory site, long id) =>
        site.WithDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == id));

    /// <summary>A marketer of the test's own, logged in.</summary>
    public static async Task<HttpClient> LogInAsMarketerAsync(this SiteFactory site) =>
        await site.LogInAsync(await site.CreateAsync(MailDev.NewAddress("marketer"), Roles.Marketer));
}
