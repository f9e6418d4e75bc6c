using System.Text;
using Microsoft.Playwright;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Browser;

/// <summary>
/// A marketer imports subscribers in a real browser: upload, look at the preview, choose the
/// columns and the consent, start, and see the import done (the page reloads itself, no script).
/// With SANATORIUM_SCREENSHOTS set to a folder, the preview and a running import's progress are
/// saved there as import-preview.png and import-progress.png.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ImportBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task A_marketer_uploads_a_file_maps_its_columns_starts_the_import_and_sees_it_done()
    {
        var marketer = await site.CreateAsync("marketer@staraya-russa.test", Roles.Marketer);
        await using var browser = await site.NewVisitorAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        var (page, _) = await site.LogInAsync(browser, marketer);

        await page.GotoAsync("/admin/marketing/imports");
        await page.GetByRole(AriaRole.Link, new() { Name = "Новый импорт" }).ClickAsync();
        var csv = "Имя;E-mail;Язык\nАнна;anna@example.org;ru\nJohn;john@example.org;en\nБорис;не-адрес;ru\n";
        await page.GetByLabel("CSV-файл").SetInputFilesAsync(new FilePayload { Name = "клиенты.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Загрузить" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("anna@example.org");
        await Assertions.Expect(page.GetByLabel("Столбец с адресом e-mail")).ToHaveValueAsync("1");
        await Assertions.Expect(page.GetByLabel("Столбец с именем")).ToHaveValueAsync("0");
        await page.GetByLabel("Я подтверждаю, что эти люди дали согласие").CheckAsync();
        await page.ShotAsync("import-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Начать импорт" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Состояние: Готово")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("dl.counts")).ToContainTextAsync("Добавлено2");
        await Assertions.Expect(page.Locator("table.bad-rows")).ToContainTextAsync("неверный адрес e-mail");

        if (Environment.GetEnvironmentVariable("SANATORIUM_SCREENSHOTS") is { Length: > 0 })
        {
            var running = new SubscriberImport(marketer, DateTimeOffset.UtcNow, "subscribers-2026.csv", "/nonexistent/subscribers-2026.csv", 187_000_000)
            {
                Status = SubscriberImportStatus.Running, Attempts = 1, LeaseUntil = DateTimeOffset.UtcNow.AddHours(1),
                BytesProcessed = 74_000_000, Rows = 412_350, Mode = SubscriberImportMode.Attested,
            };
            await site.WithDbAsync(async db =>
            {
                db.SubscriberImports.Add(running);
                await db.SaveChangesAsync();
            });
            await page.GotoAsync($"/admin/marketing/imports/details/{running.Id}");
            await page.ShotAsync("import-progress");
        }
    }
}
