using Microsoft.Playwright;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Browser;

/// <summary>A member of staff in the browser: logging in, the console errors of their pages, screenshots for the docs.</summary>
public static class StaffBrowser
{
    /// <summary>
    /// A page of <paramref name="browser"/> logged in as <paramref name="email"/> (with <see cref="Staff.Password"/>)
    /// and on the back office's overview, and the list that collects its console errors (the site has
    /// no favicon, which every browser asks for: that one is not a page's error).
    /// </summary>
    public static async Task<(IPage Page, List<string> Errors)> LogInAsync(this BrowserSite site, IBrowserContext browser, string email)
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Location.StartsWith(site.Address + "/favicon.ico", StringComparison.Ordinal))
            {
                errors.Add($"{message.Text} {message.Location}");
            }
        };
        await page.GotoAsync("/admin/account/login");
        await page.GetByLabel("Эл. почта").FillAsync(email);
        await page.GetByLabel("Пароль").FillAsync(Staff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Вход" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Обзор" })).ToBeVisibleAsync();
        return (page, errors);
    }

    /// <summary>With SANATORIUM_SCREENSHOTS set to a folder, saves the whole page there as <paramref name="name"/>.png.</summary>
    public static async Task ShotAsync(this IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SANATORIUM_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }
}
