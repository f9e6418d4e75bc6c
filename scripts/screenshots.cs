#:package Microsoft.Playwright
#:property PublishAot=false
// Screenshots of the public pages from a running site, taken by the machine's Chromium through
// Playwright: the normal version, and a treatment page in each colour scheme of the version for the
// visually impaired, switched on with the header's toggle and the panel's buttons as a visitor would.
// Run by scripts/screenshots.sh: dotnet run scripts/screenshots.cs -- BASE_URL OUTPUT_FOLDER
using Microsoft.Playwright;

var (baseUrl, output) = args is [var b, var o] ? (b.TrimEnd('/'), o) : throw new ArgumentException("usage: BASE_URL OUTPUT_FOLDER");
Directory.CreateDirectory(output);

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});

await Shoot("treatment-ru", "/treatments/poyasnichnyy-bolevoy-sindrom", 1280, 900);
await Shoot("treatment-en", "/en/treatments/lumbar-pain-syndrome", 1280, 900);
await Shoot("home-ru", "/", 1280, 900);
await Shoot("home-en", "/en/", 1280, 900);
await Shoot("treatment-en-phone", "/en/treatments/lumbar-pain-syndrome", 390, 844);
await Shoot("not-found-en", "/en/treatments/no-such-page", 1280, 800);

string[] schemes = ["bw", "wb", "blue", "beige", "brown"];
foreach (var scheme in schemes)
{
    await Shoot($"treatment-ru-vision-{scheme}", "/treatments/poyasnichnyy-bolevoy-sindrom", 1280, 1700, async page =>
    {
        await page.Locator("header button[value=on]").ClickAsync();
        await page.Locator($"#vision-panel button[value=colors-{scheme}]").ClickAsync();
        await page.Locator("#vision-panel button[value=size-150]").ClickAsync();
    });
}

await Shoot("treatment-en-vision-phone", "/en/treatments/lumbar-pain-syndrome", 390, 844, async page =>
{
    await page.Locator("header button[value=on]").ClickAsync();
    await page.Locator("#vision-panel button[value=size-200]").ClickAsync();
});

async Task Shoot(string name, string path, int width, int height, Func<IPage, Task>? prepare = null)
{
    await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
    var page = await context.NewPageAsync();
    await page.GotoAsync(baseUrl + path);
    if (prepare is not null)
    {
        await prepare(page);
        await page.EvaluateAsync("window.scrollTo(0, 0)");
    }

    var file = Path.Combine(output, name + ".png");
    await page.ScreenshotAsync(new() { Path = file, FullPage = prepare is null });
    Console.WriteLine(file);
}
