using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using IPage = Microsoft.Playwright.IPage;
using Sanatorium.Core;
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
        "/prices", "/en/prices",
        "/operator-details", "/en/operator-details",
        "/promotions/" + SiteWithPromotion.RussianSlug, "/en/promotions/" + SiteWithPromotion.EnglishSlug,
        "/newsletter", "/en/newsletter",
        "/newsletter/sent", "/en/newsletter/sent",
        "/newsletter/confirm", "/en/newsletter/unsubscribe",
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
