using Microsoft.Playwright;
using Sanatorium.Web.Site.Vision;

namespace Sanatorium.Web.Tests.Browser;

/// <summary>
/// At 200 % font size every page fits the window, on a desktop (1280 px) and on the narrowest phone
/// (320 px): no horizontal scrolling, nothing cut off, and the focused element is never hidden.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ReflowTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static readonly VisionSettings LargeType = VisionSettings.Defaults.Apply("size-200");

    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var path in AxeChecks.Pages)
        {
            cases.Add(path, 1280);
            cases.Add(path, 320);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task At_200_percent_the_page_fits_the_width(string path, int width)
    {
        await using var visitor = await site.NewVisitorAsync(LargeType, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
        });
        var page = await visitor.NewPageAsync();
        await page.GotoAsync(path);

        Assert.Equal("200", await page.Locator("html").GetAttributeAsync("data-size"));
        Assert.Empty(await PageProbe.OverflowAsync(page));
    }

    [Theory]
    [InlineData("/treatments/poyasnichnyy-bolevoy-sindrom", 320)]
    [InlineData("/en/treatments/lumbar-pain-syndrome", 1280)]
    public async Task At_200_percent_every_focused_element_shows_in_full_and_is_not_covered(string path, int width)
    {
        await using var visitor = await site.NewVisitorAsync(LargeType, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 640 },
        });
        var page = await visitor.NewPageAsync();
        await page.GotoAsync(path);

        var seen = await PageProbe.TabThroughAsync(page);

        Assert.All(seen, focus => Assert.True(
            focus.InViewport && !focus.Covered && focus.Outlined, $"{focus} is not shown in full with its focus outline"));
        Assert.Contains(seen, f => f.Text == "Меньше" || f.Text == "Smaller");
        Assert.Contains(seen, f => f.Tag == "input");
    }
}
