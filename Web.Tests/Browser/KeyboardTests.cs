using Microsoft.Playwright;

namespace Sanatorium.Web.Tests.Browser;

/// <summary>A visitor who uses only the keyboard reaches everything in the header and the footer, and sees where they are.</summary>
[Trait("Category", "Browser")]
public sealed class KeyboardTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData("/", "Версия для слабовидящих", "English", "Подписаться")]
    [InlineData("/en/treatments/lumbar-pain-syndrome", "Version for visually impaired", "Русский", "Subscribe")]
    public async Task Tab_reaches_the_skip_link_the_toggle_the_language_switch_and_the_newsletter_form_with_visible_focus(
        string path, string toggle, string otherLanguage, string subscribe)
    {
        await using var visitor = await site.NewVisitorAsync();
        var page = await visitor.NewPageAsync();
        await page.GotoAsync(path);

        var seen = await PageProbe.TabThroughAsync(page);

        Assert.Equal("a", seen[0].Tag);
        Assert.Equal("#main", seen[0].Href);
        Assert.Contains(seen, f => f.Tag == "button" && f.Text == toggle);
        Assert.Contains(seen, f => f.Tag == "a" && f.Text == otherLanguage);
        Assert.Contains(seen, f => f.Tag == "input" && f.Text == "name@example.com");
        Assert.Contains(seen, f => f.Tag == "button" && f.Text == subscribe);
        Assert.All(seen, f => Assert.True(f.Outlined && f.InViewport && !f.Covered, $"{f} has no visible focus"));
    }

    [Fact]
    public async Task The_skip_link_appears_when_focused_and_leads_to_the_content()
    {
        await using var visitor = await site.NewVisitorAsync();
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/treatments/poyasnichnyy-bolevoy-sindrom");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Перейти к содержанию" });

        await page.Keyboard.PressAsync("Tab");
        var box = await skip.BoundingBoxAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");

        Assert.True(box is { Width: > 100, Height: >= 24 }, $"the focused skip link is {box?.Width}x{box?.Height}");
        var next = await PageProbe.FocusedAsync(page);
        Assert.Equal("Главная", next.Text);
    }

    [Fact]
    public async Task The_mode_is_turned_on_and_set_with_the_keyboard_alone()
    {
        await using var visitor = await site.NewVisitorAsync();
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/en/");

        await TabToAsync(page, "Version for visually impaired");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#vision-panel")).ToBeVisibleAsync();
        await TabToAsync(page, "200%");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-size", "200");
        await TabToAsync(page, "White on black");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-colors", "wb");

        Assert.EndsWith("/en/#vision-panel", page.Url);
        Assert.Equal("rgb(0, 0, 0)", await PageProbe.StyleAsync(page, "body", "background-color"));
    }

    /// <summary>Presses Tab until the element whose text is <paramref name="text"/> has the focus.</summary>
    private static async Task TabToAsync(IPage page, string text)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await PageProbe.FocusedAsync(page);
            if (focus.Text.EndsWith(text, StringComparison.Ordinal))
            {
                Assert.True(focus.Outlined, $"{focus} has no visible focus");
                return;
            }
        }

        Assert.Fail($"Tab never reached \"{text}\"");
    }
}
