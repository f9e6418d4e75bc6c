using Microsoft.Playwright;

namespace Sanatorium.Web.Tests.Browser;

/// <summary>
/// An editor's day in a real browser: log in, edit the seed treatment, publish, see it on the public
/// page. With SANATORIUM_SCREENSHOTS set to a folder, the main back office screens are saved there
/// (scripts/screenshots.sh does that for docs/screenshots/).
/// </summary>
[Trait("Category", "Browser")]
public sealed class AdminBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task An_editor_logs_in_edits_the_seed_treatment_publishes_it_and_sees_it_on_the_public_page()
    {
        await using var browser = await site.NewVisitorAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/admin");
        Assert.StartsWith(site.Address + "/admin/account/login", page.Url);
        await page.ShotAsync("admin-login");
        await page.GetByLabel("Эл. почта").FillAsync("admin@staraya-russa.test");
        await page.GetByLabel("Пароль").FillAsync("Correct-Horse-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Вход" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Обзор" })).ToBeVisibleAsync();
        await page.ShotAsync("admin-dashboard");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Лечение" }).ClickAsync();
        await page.ShotAsync("admin-treatments");
        await page.GetByRole(AriaRole.Link, new() { Name = "Лечение поясничного болевого синдрома (люмбалгии, люмбоишиалгии) в санатории «Старая Русса»" }).ClickAsync();
        var results = page.Locator("textarea[name='Input.Fields[en-Results]']");
        await results.FillAsync("After two weeks most guests sleep through the night without back pain.");
        await page.ShotAsync("admin-edit-treatment");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить и опубликовать" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Опубликовано");

        await page.GetByRole(AriaRole.Link, new() { Name = "История изменений" }).ClickAsync();
        await page.ShotAsync("admin-history");

        await page.GotoAsync("/en/treatments/lumbar-pain-syndrome");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("After two weeks most guests sleep through the night without back pain.");
    }
}
