using Microsoft.Playwright;

namespace Sanatorium.Web.Tests.Browser;

/// <summary>A visitor whose browser runs no JavaScript switches the version for the visually impaired on, tries every setting, moves on and switches it off.</summary>
[Trait("Category", "Browser")]
public sealed class VisionWithoutJavaScriptTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static readonly (string Button, string Background, string Text)[] Schemes =
    [
        ("Белый на чёрном", "rgb(0, 0, 0)", "rgb(255, 255, 255)"),
        ("Синий на голубом", "rgb(157, 209, 255)", "rgb(6, 52, 98)"),
        ("Коричневый на бежевом", "rgb(247, 243, 214)", "rgb(77, 75, 67)"),
        ("Зелёный на коричневом", "rgb(59, 39, 22)", "rgb(169, 228, 77)"),
        ("Чёрный на белом", "rgb(255, 255, 255)", "rgb(0, 0, 0)"),
    ];

    [Fact]
    public async Task The_toggle_and_every_setting_work_and_survive_navigation()
    {
        await using var visitor = await site.NewVisitorAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/treatments/poyasnichnyy-bolevoy-sindrom");
        var normalSize = Pixels(await PageProbe.StyleAsync(page, "main p", "font-size"));
        var normalRoot = Pixels(await PageProbe.StyleAsync(page, "html", "font-size"));
        var panel = page.Locator("#vision-panel");
        Assert.False(await panel.IsVisibleAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Версия для слабовидящих" }).ClickAsync();

        Assert.EndsWith("/treatments/poyasnichnyy-bolevoy-sindrom#vision-panel", page.Url);
        Assert.True(await panel.IsVisibleAsync());
        Assert.False(await panel.GetByRole(AriaRole.Button, new() { Name = "Читать вслух" }).IsVisibleAsync());

        await Press(page, "200 %");
        Assert.Equal(2 * normalSize, Pixels(await PageProbe.StyleAsync(page, "main p", "font-size")), 1);
        await Press(page, "Больше");
        Assert.Equal(2.5 * normalRoot, Pixels(await PageProbe.StyleAsync(page, "html", "font-size")), 1);
        await Press(page, "Меньше");
        await Press(page, "Меньше");
        Assert.Equal(1.75 * normalRoot, Pixels(await PageProbe.StyleAsync(page, "html", "font-size")), 1);

        foreach (var (button, background, text) in Schemes)
        {
            await Press(page, button);
            Assert.Equal(background, await PageProbe.StyleAsync(page, "body", "background-color"));
            Assert.Equal(text, await PageProbe.StyleAsync(page, "main p", "color"));
            Assert.Equal(text, await PageProbe.StyleAsync(page, "h1", "color"));
        }

        var size = Pixels(await PageProbe.StyleAsync(page, "main p", "font-size"));
        await Press(page, "Большое");
        Assert.Equal(0.25 * size, Pixels(await PageProbe.StyleAsync(page, "main p", "letter-spacing")), 1);
        await Press(page, "Двойной");
        Assert.Equal(2.5 * size, Pixels(await PageProbe.StyleAsync(page, "main p", "line-height")), 1);
        await Press(page, "С засечками");
        Assert.StartsWith("Georgia", await PageProbe.StyleAsync(page, "main p", "font-family"));

        // The settings go along to the next page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Главная" }).ClickAsync();
        Assert.EndsWith("/", page.Url);
        Assert.Equal(1.75 * normalRoot, Pixels(await PageProbe.StyleAsync(page, "html", "font-size")), 1);
        size = Pixels(await PageProbe.StyleAsync(page, "main p", "font-size"));
        Assert.Equal(0.25 * size, Pixels(await PageProbe.StyleAsync(page, "main p", "letter-spacing")), 1);
        Assert.StartsWith("Georgia", await PageProbe.StyleAsync(page, "main p", "font-family"));
        Assert.Equal("rgb(255, 255, 255)", await PageProbe.StyleAsync(page, "body", "background-color"));

        var hero = page.Locator("main img");
        Assert.True(await hero.IsVisibleAsync());
        await Press(page, "Чёрно-белые");
        Assert.Equal("grayscale(1)", await PageProbe.StyleAsync(page, "main img", "filter"));
        await Press(page, "Не показывать");
        Assert.Equal(0, await hero.CountAsync());
        Assert.True(await page.GetByText("Рисунок: Муравьёвский фонтан").IsVisibleAsync());

        await Press(page, "Сбросить настройки");
        Assert.Equal(normalRoot, Pixels(await PageProbe.StyleAsync(page, "html", "font-size")), 1);
        Assert.Equal("normal", await PageProbe.StyleAsync(page, "main p", "letter-spacing"));
        Assert.True(await hero.IsVisibleAsync());
        Assert.True(await panel.IsVisibleAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Обычная версия сайта" }).First.ClickAsync();
        Assert.EndsWith("/", page.Url);
        Assert.False(await panel.IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Версия для слабовидящих" }).IsVisibleAsync());
        Assert.Equal("rgb(251, 250, 246)", await PageProbe.StyleAsync(page, "body", "background-color"));
    }

    /// <summary>Presses a button of the panel and checks that it now shows as chosen.</summary>
    private static async Task Press(IPage page, string name)
    {
        var button = page.Locator("#vision-panel").GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
        await button.ClickAsync();
        // Without script every press is a form post and a new page: the click returns once it has begun to
        // arrive, and its styles apply only when it has loaded.
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (name is not ("Больше" or "Меньше" or "Сбросить настройки"))
        {
            Assert.Equal("true", await page.Locator("#vision-panel").GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).GetAttributeAsync("aria-pressed"));
        }
    }

    private static double Pixels(string css) => double.Parse(css.Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture);
}
