using Microsoft.Playwright;

namespace Sanatorium.Web.Tests.Browser;

/// <summary>
/// The machine's Chromium (Debian's package; Playwright cannot download a browser here), started once
/// per test run and shared: each test opens a context of its own, so tests stay independent.
/// <c>SANATORIUM_CHROMIUM</c> names another Chromium or Chrome to use instead.
/// </summary>
public static class Chromium
{
    public const string Variable = "SANATORIUM_CHROMIUM";

    public static string ExecutablePath { get; } =
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly Lazy<Task<IBrowser>> Browser = new(LaunchAsync);

    public static Task<IBrowser> GetAsync() => Browser.Value;

    private static async Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"No browser at {ExecutablePath}. Run the tests with scripts/test.sh (it installs Chromium), " +
                $"install it (apt-get install -y chromium fonts-dejavu-core), or set {Variable} to a Chromium's path.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser.CloseAsync().GetAwaiter().GetResult();
            playwright.Dispose();
        };
        return browser;
    }
}
