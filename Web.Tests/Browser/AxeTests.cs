using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using IPage = Microsoft.Playwright.IPage;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Web.Site.Vision;

namespace Sanatorium.Web.Tests.Browser;

/// <summary>
/// axe-core finds no WCAG 2.0, 2.1 and 2.2 A/AA violation on any page template, in both languages, in
/// the normal version and in each colour scheme of the version for the visually impaired. Russian and
/// English pages are two test classes so that they run side by side.
/// </summary>
public static class AxeChecks
{
    /// <summary>Every page template a visitor can reach, one line each.</summary>
    public static readonly string[] Pages =
    [
        "/", "/en/",
        "/profiles/bolezni-kostno-myshechnoy-sistemy", "/en/profiles/musculoskeletal-system",
        "/treatments/poyasnichnyy-bolevoy-sindrom", "/en/treatments/lumbar-pain-syndrome",
        "/info/obshchie-protivopokazaniya", "/en/info/general-contraindications",
        "/accessibility", "/en/accessibility",
        "/promotions", "/en/promotions",
        "/promotions/" + SiteWithPromotion.RussianSlug, "/en/promotions/" + SiteWithPromotion.EnglishSlug,
        "/no-such-page", "/en/no-such-page",
    ];

    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>Each page of one language, in the normal version and in each colour scheme.</summary>
    public static TheoryData<string, string> Cases(bool english)
    {
        var cases = new TheoryData<string, string>();
        foreach (var page in Pages.Where(p => p.StartsWith("/en/", StringComparison.Ordinal) == english))
        {
            cases.Add(page, "normal");
            foreach (var colors in Enum.GetValues<ColorScheme>())
            {
                cases.Add(page, VisionSettings.Code(colors));
            }
        }

        return cases;
    }

    public static async Task AssertNoViolationsAsync(BrowserSite site, string path, string colors)
    {
        await using var visitor = colors == "normal"
            ? await site.NewVisitorAsync()
            : await site.NewVisitorAsync(VisionSettings.Defaults.Apply("colors-" + colors));
        var page = await visitor.NewPageAsync();
        await page.GotoAsync(path);
        await AssertNoViolationsAsync(page);
    }

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        // Legacy mode runs axe-core in the page itself. The default mode also opens a blank page and
        // injects axe-core a second time there, to merge the results of frames (these pages have none):
        // two to five times slower, for the same result (docs/decisions/0011-browser-tests.md).
#pragma warning disable CS0618 // obsolete: "Legacy Mode is being removed in the future"
        var result = await page.RunAxeLegacy(null, WcagAA, null);
#pragma warning restore CS0618

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v =>
            $"{v.Id}: {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n =>
                $"{n.Html} {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}")))));
    }
}

/// <summary>The site with a current promotion (and its picture), so that the home and promotions pages show one.</summary>
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
            await db.SaveChangesAsync();
        });
    }
}

/// <summary>The back office: its login page, and the main screens an administrator works in.</summary>
public sealed class AdminAxeTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public Task The_login_page_has_no_violations() => AxeChecks.AssertNoViolationsAsync(site, "/admin/account/login", "normal");

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/content/treatments")]
    [InlineData("/admin/content/treatments/edit/1")]
    [InlineData("/admin/content/treatments/1/history")]
    [InlineData("/admin/content/promotions/edit")]
    [InlineData("/admin/content/contacts")]
    [InlineData("/admin/users")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/me")]
    public async Task A_back_office_screen_has_no_violations(string path)
    {
        await using var visitor = await site.NewVisitorAsync();
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/admin/account/login");
        await page.Locator("#Input_Email").FillAsync("admin@staraya-russa.test");
        await page.Locator("#Input_Password").FillAsync("Correct-Horse-42");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(site.Address + "/admin");

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        await AxeChecks.AssertNoViolationsAsync(page);
    }
}

public sealed class RussianPagesAxeTests(SiteWithPromotion site) : IClassFixture<SiteWithPromotion>
{
    public static TheoryData<string, string> Cases() => AxeChecks.Cases(english: false);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task The_page_has_no_violations(string path, string colors) => AxeChecks.AssertNoViolationsAsync(site, path, colors);
}

public sealed class EnglishPagesAxeTests(SiteWithPromotion site) : IClassFixture<SiteWithPromotion>
{
    public static TheoryData<string, string> Cases() => AxeChecks.Cases(english: true);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task The_page_has_no_violations(string path, string colors) => AxeChecks.AssertNoViolationsAsync(site, path, colors);
}
