#:package Microsoft.Playwright
#:property PublishAot=false
// Screenshots of the marketers' screens from the site bench/subscribers.sh runs (a million
// subscribers), taken by the machine's Chromium through Playwright after logging in as its administrator.
// Run by bench/subscribers.sh when SCREENSHOTS=1: dotnet run bench/subscribers-screenshots.cs -- BASE_URL EMAIL PASSWORD OUTPUT_FOLDER
using Microsoft.Playwright;

var (baseUrl, email, password, output) = args is [var b, var e, var p, var o]
    ? (b.TrimEnd('/'), e, p, o)
    : throw new ArgumentException("usage: BASE_URL EMAIL PASSWORD OUTPUT_FOLDER");
Directory.CreateDirectory(output);

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, BaseURL = baseUrl });
var page = await context.NewPageAsync();
await page.GotoAsync("/admin/account/login");
await page.Locator("#Input_Email").FillAsync(email);
await page.Locator("#Input_Password").FillAsync(password);
await page.Locator("main form button[type=submit]").ClickAsync();
await page.WaitForURLAsync(baseUrl + "/admin");

await Shoot("subscribers", "/admin/marketing/subscribers?status=confirmed&language=ru");
await Shoot("subscribers-search", "/admin/marketing/subscribers?q=anna.smirnova35&match=prefix");
await Shoot("dashboard-marketing", "/admin/marketing", async () => await page.Locator("details summary").ClickAsync(), fullPage: true);

async Task Shoot(string name, string path, Func<Task>? prepare = null, bool fullPage = false)
{
    await page.GotoAsync(path);
    if (prepare is not null)
    {
        await prepare();
    }

    var file = Path.Combine(output, name + ".png");
    await page.ScreenshotAsync(new() { Path = file, FullPage = fullPage });
    Console.WriteLine(file);
}
