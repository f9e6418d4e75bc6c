using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sanatorium.Core.Newsletters;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Browser;
using Sanatorium.Web.Tests.Infrastructure;
using static Sanatorium.Web.Tests.Campaigns.Report.CampaignLedgerData;

namespace Sanatorium.Web.Tests.Campaigns.Report;

/// <summary>
/// The progress page in a real browser: the script puts new numbers in place without reloading (the
/// page's strict CSP lets it run), and reloads the page when the campaign's status changes. With
/// SANATORIUM_SCREENSHOTS set to a folder, the progress page and the report are saved there as
/// campaign-progress.png and campaign-report.png.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ProgressBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task The_numbers_update_in_place_and_a_change_of_status_reloads_the_page()
    {
        // Sending, its pending lines due in 2099: only this test moves them.
        var recent = DateTimeOffset.UtcNow.AddSeconds(-20);
        var id = await site.AddSendingAsync(
            "Весенние скидки", "browser", [.. Sent(recent).Times(5), Failed("550 5.1.1 User unknown", recent), .. Pending().Times(6)],
            startedAt: DateTimeOffset.UtcNow.AddMinutes(-3));
        var marketer = await site.CreateAsync("marketer@progress-browser.test", Roles.Marketer);
        await using var browser = await site.NewVisitorAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        var (page, errors) = await site.LogInAsync(browser, marketer);

        await page.GotoAsync($"/admin/marketing/campaigns/{id}/progress");
        await Assertions.Expect(page.Locator("[data-progress='sent']")).ToHaveTextAsync("5");
        await page.ShotAsync("campaign-progress");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        await site.WithDbAsync(db => db.CampaignDeliveries
            .Where(d => d.CampaignId == id && d.Status == DeliveryStatus.Pending)
            .OrderBy(d => d.Id)
            .Take(2)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, DeliveryStatus.Sent).SetProperty(d => d.At, DateTimeOffset.UtcNow)));

        await Assertions.Expect(page.Locator("[data-progress='sent']")).ToHaveTextAsync("7", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("[data-progress='remaining']")).ToHaveTextAsync("4");
        Assert.Equal(8, await page.Locator("progress").EvaluateAsync<int>("bar => bar.value"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));

        await site.SetStatusAsync(id, CampaignStatus.Paused); // someone else paused it
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Продолжить" })).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Assert.False(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        await page.GotoAsync($"/admin/marketing/campaigns/{id}/report");
        await page.ShotAsync("campaign-report");
    }
}
