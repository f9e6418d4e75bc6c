using System.Net;
using AngleSharp.Dom;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>What a search engine's result and a link shared in VK or Telegram show: the title, the Open Graph and Twitter card tags, the icons.</summary>
public sealed class LinkPreviewTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string RussianPromotion = "/promotions/skidka-na-gryazelechenie";
    private const string EnglishPromotion = "/en/promotions/mud-therapy-discount";

    [Theory]
    [MemberData(nameof(PublicPagesTests.Pages), MemberType = typeof(PublicPagesTests))]
    public async Task Every_page_has_open_graph_and_twitter_card_tags_in_its_language(string ru, string en)
    {
        var client = site.CreateVisitor();
        foreach (var (path, locale, alternate) in new[] { (ru, "ru_RU", "en_GB"), (en, "en_GB", "ru_RU") })
        {
            var (_, page) = await client.GetPageAsync(path);

            Assert.Equal(page.Title, Meta(page, "og:title"));
            Assert.Equal(page.QuerySelector("meta[name=description]")!.GetAttribute("content"), Meta(page, "og:description"));
            Assert.Equal(SiteFactory.BaseUrl + path, Meta(page, "og:url"));
            Assert.Equal(SiteFactory.BaseUrl + "/img/preview.png", Meta(page, "og:image"));
            Assert.Equal(path is "/" or "/en/" or "/accessibility" or "/en/accessibility" or "/promotions" or "/en/promotions" ? "website" : "article", Meta(page, "og:type"));
            Assert.Equal(locale == "ru_RU" ? "АМАКС «Старая Русса»" : "AMAKS \"Staraya Russa\"", Meta(page, "og:site_name"));
            Assert.Equal(locale, Meta(page, "og:locale"));
            Assert.Equal(alternate, Meta(page, "og:locale:alternate"));
            Assert.Equal("summary_large_image", page.QuerySelector("meta[name='twitter:card']")?.GetAttribute("content"));
        }
    }

    [Fact]
    public async Task The_default_preview_picture_is_a_1200_by_630_png()
    {
        var response = await site.CreateVisitor().GetAsync("/img/preview.png");
        var png = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((1200, 630), PngSize(png));
    }

    [Fact]
    public async Task A_promotion_with_a_picture_is_shared_with_its_picture()
    {
        var picture = await AddPromotionAsync();
        var client = site.CreateVisitor();

        foreach (var path in new[] { RussianPromotion, EnglishPromotion })
        {
            var (_, page) = await client.GetPageAsync(path);
            Assert.Equal($"{SiteFactory.BaseUrl}/media/{picture}", Meta(page, "og:image"));
            Assert.Equal("article", Meta(page, "og:type"));
        }
    }

    [Fact]
    public async Task Content_pages_are_titled_by_a_short_heading_and_the_resort_name_and_keep_the_full_heading()
    {
        var client = site.CreateVisitor();

        var (_, russian) = await client.GetPageAsync("/treatments/poyasnichnyy-bolevoy-sindrom");
        Assert.Equal("Лечение поясничного болевого синдрома — АМАКС «Старая Русса»", russian.Title);
        Assert.Equal("Лечение поясничного болевого синдрома (люмбалгии, люмбоишиалгии) в санатории «Старая Русса»", russian.QuerySelector("h1")!.TextContent.Replace('\u00A0', ' '));
        var (_, english) = await client.GetPageAsync("/en/treatments/lumbar-pain-syndrome");
        Assert.Equal("Treatment of lumbar pain syndrome — AMAKS \"Staraya Russa\"", english.Title);
        Assert.StartsWith("Treatment of lumbar pain syndrome (", english.QuerySelector("h1")!.TextContent);
        var (_, info) = await client.GetPageAsync("/en/info/general-contraindications");
        Assert.Equal("General contraindications — AMAKS \"Staraya Russa\"", info.Title);
    }

    [Fact]
    public async Task The_editors_seo_title_is_the_pages_title_and_the_editor_hints_the_default()
    {
        await site.WithDbAsync(async db =>
        {
            var profile = db.ProfileTranslations.Single(t => t.Slug == "musculoskeletal-system");
            profile.SeoTitle = "Spine and joint treatment in Staraya Russa";
            await db.SaveChangesAsync();
        });

        var (_, english) = await site.CreateVisitor().GetPageAsync("/en/profiles/musculoskeletal-system");
        Assert.Equal("Spine and joint treatment in Staraya Russa", english.Title);
        Assert.Equal("Diseases of the musculoskeletal system", english.QuerySelector("h1")!.TextContent);
        var (_, russian) = await site.CreateVisitor().GetPageAsync("/profiles/bolezni-kostno-myshechnoy-sistemy");
        Assert.Equal("Болезни костно-мышечной системы — АМАКС «Старая Русса»", russian.Title);

        var editor = await site.LogInAsync(await site.CreateAsync($"seo-{Guid.NewGuid():N}@staraya-russa.test", Sanatorium.Infrastructure.Identity.Roles.Editor));
        var (_, list) = await editor.GetPageAsync("/admin/content/treatments");
        var (_, form) = await editor.GetPageAsync(list.QuerySelector("tbody a")!.GetAttribute("href")!);
        Assert.Equal("Лечение поясничного болевого синдрома — АМАКС «Старая Русса»", form.QuerySelector("#ru-SeoTitle")?.GetAttribute("placeholder"));
        Assert.Equal("Treatment of lumbar pain syndrome — AMAKS \"Staraya Russa\"", form.QuerySelector("#en-SeoTitle")?.GetAttribute("placeholder"));
    }

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/apple-touch-icon.png", "image/png")]
    [InlineData("/img/icon.svg", "image/svg+xml")]
    [InlineData("/site.webmanifest", "application/manifest+json")]
    public async Task The_icons_and_the_manifest_are_served(string path, string type)
    {
        var response = await site.CreateVisitor().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/en/treatments/lumbar-pain-syndrome")]
    public async Task Every_page_links_its_icons_and_the_touch_icon_is_180_pixels_square(string path)
    {
        var client = site.CreateVisitor();
        var (_, page) = await client.GetPageAsync(path);

        // Fingerprinted (docs/decisions/0030-static-assets-and-compression.md); the plain URLs answer too, above.
        Assert.Matches(@"^/favicon\.\w+\.ico$", page.QuerySelector("link[rel=icon][sizes]")?.GetAttribute("href"));
        Assert.Matches(@"^/img/icon\.\w+\.svg$", page.QuerySelector("link[rel=icon][type='image/svg+xml']")?.GetAttribute("href"));
        Assert.Matches(@"^/site\.\w+\.webmanifest$", page.QuerySelector("link[rel=manifest]")?.GetAttribute("href"));
        var touch = await client.GetByteArrayAsync(page.QuerySelector("link[rel=apple-touch-icon]")!.GetAttribute("href"));
        Assert.Equal((180, 180), PngSize(touch));
    }

    private async Task<Guid> AddPromotionAsync() =>
        await site.WithDbAsync(async db =>
        {
            var picture = new MediaFile("image/png", Convert.FromBase64String(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
                DateTimeOffset.UtcNow, "test");
            db.MediaFiles.Add(picture);
            var promotion = new Promotion("preview", DateOnly.MinValue, DateOnly.MaxValue);
            promotion.AddTranslation(new PromotionTranslation(Language.Ru, RussianPromotion.Split('/')[^1], "Скидка на грязелечение") { ImageAlt = "Грязевые ванны" });
            promotion.AddTranslation(new PromotionTranslation(Language.En, EnglishPromotion.Split('/')[^1], "Mud therapy discount") { ImageAlt = "Mud baths" });
            promotion.WriteShared(new Dictionary<string, string> { [ContentFields.ImageId] = picture.Id.ToString() });
            promotion.PublishAll(DateTimeOffset.UtcNow.AddMinutes(-1));
            db.Promotions.Add(promotion);
            await db.SaveChangesAsync();
            return picture.Id;
        });

    private static string? Meta(IDocument page, string property) =>
        page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");

    /// <summary>The width and height in a PNG's IHDR chunk.</summary>
    private static (int Width, int Height) PngSize(byte[] png) =>
        (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
}
