using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sanatorium.Core;
using Sanatorium.Core.Newsletters;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Browser;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Campaigns;

/// <summary>
/// A marketer in a real browser, from an empty campaign to a campaign sent: compose in both
/// languages, look at the preview, send a test, send it, and watch the progress page count the
/// recipients by itself until it says the campaign was sent. The site sends slowly (two messages a
/// second) so that the page is seen moving. With SANATORIUM_SCREENSHOTS set to a folder, the editor
/// is saved there as campaign-editor.png.
/// </summary>
[Trait("Category", "Browser")]
public sealed class CampaignBrowserTests(CampaignBrowserTests.SlowSite site) : IClassFixture<CampaignBrowserTests.SlowSite>
{
    private const int Recipients = 8;

    [Fact]
    public async Task A_marketer_composes_tests_sends_and_watches_a_campaign_go_out()
    {
        await site.WithDbAsync(async db =>
        {
            for (var i = 0; i < Recipients; i++)
            {
                db.Subscribers.Add(new Subscriber($"reader{i}@walk.test", i % 2 == 0 ? Language.Ru : Language.En, SubscriberSource.Form, DateTimeOffset.UtcNow)
                {
                    Status = SubscriberStatus.Confirmed,
                });
            }

            await db.SaveChangesAsync();
        });
        var marketer = await site.CreateAsync("marketer@walk.test", Roles.Marketer);
        await using var browser = await site.NewVisitorAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        var (page, errors) = await site.LogInAsync(browser, marketer);

        await page.GetByRole(AriaRole.Link, new() { Name = "Рассылки" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Новая рассылка" }).First.ClickAsync();
        await page.GetByLabel("Название").FillAsync("Осенние скидки");
        await page.GetByRole(AriaRole.Button, new() { Name = "Создать" }).ClickAsync();

        await Assertions.Expect(page.Locator("#missing-translations")).ToContainTextAsync("Русский");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Отправить сейчас" })).ToBeDisabledAsync();
        await page.Locator("#subject-ru").FillAsync("Осенние скидки на лечение");
        await page.Locator("#preheader-ru").FillAsync("До конца ноября путёвки дешевле");
        await page.Locator("#body-ru").FillAsync("## Осенние скидки\n\nПутёвки с лечением **на 15 % дешевле**. [Подробнее](https://staraya-russa.example/promotions/autumn)");
        await page.Locator("#subject-en").FillAsync("Autumn offer");
        await page.Locator("#preheader-en").FillAsync("Stays are cheaper until the end of November");
        await page.Locator("#body-en").FillAsync("## Autumn offer\n\nStays with treatment **15% off**. [Details](https://staraya-russa.example/en/promotions/autumn)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Рассылка сохранена");
        await Assertions.Expect(page.Locator("#missing-translations")).ToHaveCountAsync(0);

        // The preview is the mail itself, in a sandboxed frame.
        await page.Locator("#preview details").First.Locator("summary").ClickAsync();
        var preview = page.Locator("#preview iframe").First.ContentFrame;
        await Assertions.Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "Осенние скидки" })).ToBeVisibleAsync();
        await Assertions.Expect(preview.GetByRole(AriaRole.Link, new() { Name = "Отписаться" })).ToBeVisibleAsync();
        await page.ShotAsync("campaign-editor");

        // Closed again: with the frame open, the page scrolled under the click (the frame took it).
        await page.Locator("#preview details").First.Locator("summary").ClickAsync();

        await page.GetByLabel("Адреса").FillAsync("tester@walk.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Отправить тест" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("tester@walk.test");
        var test = await MailDev.WaitForMailToAsync("tester@walk.test");
        Assert.Equal("[Тест] Осенние скидки на лечение", test.Subject);

        await page.GetByRole(AriaRole.Button, new() { Name = "Отправить сейчас" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/admin/marketing/campaigns/\d+/progress$"));
        var sent = page.Locator("[data-progress='sent']");
        var first = int.Parse(await sent.TextContentAsync() ?? "", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(first < Recipients, $"the page opened with {first} of {Recipients} already sent: nothing left to watch");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        // The count moves without a reload while the campaign goes out, then the finished page shows.
        await Assertions.Expect(sent).Not.ToHaveTextAsync(first.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Отчёт о рассылке" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(sent).ToHaveTextAsync(Recipients.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var campaign = await site.WithDbAsync(db => db.Campaigns.SingleAsync(c => c.Name == "Осенние скидки"));
        Assert.Equal(CampaignStatus.Sent, campaign.Status);
        var english = await MailDev.WaitForMailToAsync("reader1@walk.test");
        Assert.Equal("Autumn offer", english.Subject);
    }

    /// <summary>The site in a browser, sending campaigns at two messages a second over one connection.</summary>
    public sealed class SlowSite : BrowserSite
    {
        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Newsletter:Connections"] = "1";
            settings["Newsletter:MessagesPerSecond"] = "2";
            settings["Newsletter:BatchSize"] = "1";
            settings["Newsletter:PollInterval"] = "00:00:00.5";
            return settings;
        }
    }
}
