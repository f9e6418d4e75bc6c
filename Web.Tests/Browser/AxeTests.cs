using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Sanatorium.Web.Site.Vision;

namespace Sanatorium.Web.Tests.Browser;

/// <summary>
/// axe-core finds no WCAG 2.0, 2.1 and 2.2 A/AA violation on any page template, in both languages, in
/// the normal version and in each colour scheme of the version for the visually impaired.
/// </summary>
public sealed class AxeTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    /// <summary>Every page template a visitor can reach, one line each.</summary>
    public static readonly string[] Pages =
    [
        "/", "/en/",
        "/profiles/bolezni-kostno-myshechnoy-sistemy", "/en/profiles/musculoskeletal-system",
        "/treatments/poyasnichnyy-bolevoy-sindrom", "/en/treatments/lumbar-pain-syndrome",
        "/info/obshchie-protivopokazaniya", "/en/info/general-contraindications",
        "/accessibility", "/en/accessibility",
        "/no-such-page", "/en/no-such-page",
    ];

    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var page in Pages)
        {
            cases.Add(page, "normal");
            foreach (var colors in Enum.GetValues<ColorScheme>())
            {
                cases.Add(page, VisionSettings.Code(colors));
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_page_has_no_violations(string path, string colors)
    {
        await using var visitor = colors == "normal"
            ? await site.NewVisitorAsync()
            : await site.NewVisitorAsync(VisionSettings.Defaults.Apply("colors-" + colors));
        var page = await visitor.NewPageAsync();
        await page.GotoAsync(path);

        var result = await page.RunAxe(WcagAA);

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v =>
            $"{v.Id}: {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n =>
                $"{n.Html} {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}")))));
    }
}
