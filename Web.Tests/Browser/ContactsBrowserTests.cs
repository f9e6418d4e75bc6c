using Microsoft.Playwright;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Site.Vision;
using Sanatorium.Web.Tests.Enquiries;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Browser;

/// <summary>
/// A visitor finds the contacts from the header, asks about a stay, and a marketer sees the enquiry in
/// the inbox; axe finds no WCAG A/AA violation on the contacts page and the form (in the normal version
/// and every colour scheme) nor on the inbox. With SANATORIUM_SCREENSHOTS set to a folder, the contacts
/// page, the form and the inbox are saved there as contacts.png, enquiry-form.png and enquiries-inbox.png.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ContactsBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static readonly BrowserNewContextOptions Desktop = new() { ViewportSize = new() { Width = 1280, Height = 900 } };

    [Fact]
    public async Task A_visitor_asks_about_a_stay_from_the_contacts_page_and_a_marketer_finds_it_in_the_inbox()
    {
        await site.SetContactsAsync(c =>
        {
            c.Update("+7 (81652) 3-13-00", c.AddressRu, c.AddressEn);
            c.Email = "info@staraya-russa.test";
            c.DirectionsRu = "**На поезде** — до станции Старая Русса, от вокзала 10 минут на такси.\n\n**На автобусе** — из Великого Новгорода.\n\n**На автомобиле** — по трассе Р-56.";
            (c.Latitude, c.Longitude) = (57.9905, 31.3548);
        });
        await using (var visitor = await site.NewVisitorAsync(Desktop))
        {
            var page = await visitor.NewPageAsync();
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Контакты" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Как добраться" })).ToBeVisibleAsync();
            await AxeChecks.AssertNoViolationsAsync(page);
            await page.ShotAsync("contacts");

            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Задать вопрос о путёвке" }).ClickAsync();
            await page.GetByLabel("Имя").FillAsync("Анна Петрова");
            await page.GetByLabel("Телефон").FillAsync("+7 912 345-67-89");
            await page.GetByLabel("Дата заезда").FillAsync(Enquiring.Arrival.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel("Дата выезда").FillAsync(Enquiring.Departure.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel("Гостей").FillAsync("2");
            await page.GetByLabel("Профиль лечения").SelectOptionAsync(new SelectOptionValue { Label = "Болезни костно-мышечной системы" });
            await page.GetByLabel("Сообщение").FillAsync("Хотим приехать на лечение спины в сентябре.");
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Checkbox).CheckAsync();
            await AxeChecks.AssertNoViolationsAsync(page);
            await page.ShotAsync("enquiry-form");
            await page.GetByRole(AriaRole.Button, new() { Name = "Отправить запрос" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Запрос отправлен" })).ToBeVisibleAsync();
        }

        await using var browser = await site.NewVisitorAsync(Desktop);
        var (inbox, errors) = await site.LogInAsync(browser, await site.CreateAsync("reception@staraya-russa.test", Roles.Marketer));
        await inbox.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Запросы" }).ClickAsync();
        await Assertions.Expect(inbox.Locator("table.enquiries")).ToContainTextAsync("Анна Петрова");
        await AxeChecks.AssertNoViolationsAsync(inbox);
        await inbox.ShotAsync("enquiries-inbox");
        await inbox.GetByRole(AriaRole.Link, new() { Name = "Анна Петрова" }).ClickAsync();
        await inbox.GetByLabel("Состояние").SelectOptionAsync(new SelectOptionValue { Label = "В работе" });
        await AxeChecks.AssertNoViolationsAsync(inbox);
        await inbox.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await Assertions.Expect(inbox.GetByRole(AriaRole.Status)).ToContainTextAsync("Запрос сохранён.");
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("/contacts")]
    [InlineData("/en/enquiry")]
    public async Task The_contacts_page_and_the_form_have_no_violations_in_any_colour_scheme(string path)
    {
        foreach (var colors in Enum.GetValues<Sanatorium.Web.Site.Vision.ColorScheme>())
        {
            await using var visitor = await site.NewVisitorAsync(VisionSettings.Defaults.Apply("colors-" + VisionSettings.Code(colors)));
            var page = await visitor.NewPageAsync();
            await page.GotoAsync(path);
            await AxeChecks.AssertNoViolationsAsync(page);
        }
    }
}
