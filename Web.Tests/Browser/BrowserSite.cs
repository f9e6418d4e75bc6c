using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sanatorium.Web.Site.Vision;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Browser;

/// <summary>
/// The whole site on a database of its own, served by Kestrel on a loopback port so that a real
/// browser can reach it. Use it as a class fixture; open a new context (a fresh visitor) in each test.
/// </summary>
public class BrowserSite : SiteFactory
{
    public BrowserSite() => UseKestrel(0);

    /// <summary>Where the site listens, e.g. http://127.0.0.1:41234.</summary>
    public string Address => field ??= Services.GetRequiredService<IServer>().Features
        .Get<IServerAddressesFeature>()!.Addresses
        .Select(address => address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/'))
        .First();

    /// <summary>A new visitor: a browser context of its own (cookies included) whose relative URLs lead to the site.</summary>
    public async Task<IBrowserContext> NewVisitorAsync(BrowserNewContextOptions? options = null)
    {
        var browser = await Chromium.GetAsync();
        options ??= new BrowserNewContextOptions();
        options.BaseURL = Address;
        return await browser.NewContextAsync(options);
    }

    /// <summary>A visitor who has already set the version for the visually impaired up as <paramref name="settings"/>.</summary>
    public async Task<IBrowserContext> NewVisitorAsync(VisionSettings settings, BrowserNewContextOptions? options = null)
    {
        var context = await NewVisitorAsync(options);
        await context.AddCookiesAsync([new Cookie { Name = VisionSettings.CookieName, Value = settings.Format(), Url = Address }]);
        return context;
    }
}
