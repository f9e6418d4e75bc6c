using Sanatorium.Core.Newsletters;
using Sanatorium.Web.Tests.Browser;
using Sanatorium.Web.Tests.Marketing;
using static Sanatorium.Web.Tests.Campaigns.Report.CampaignLedgerData;

namespace Sanatorium.Web.Tests.Campaigns.Report;

/// <summary>The progress, cancel and report pages and the subscriber's campaigns, checked by axe with everything on them shown.</summary>
[Trait("Category", "Browser")]
public sealed class CampaignPagesAxeTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData("progress")]
    [InlineData("cancel")]
    [InlineData("report")]
    [InlineData("subscriber")]
    public async Task A_campaign_screen_has_no_violations(string screen)
    {
        // Paused (the dispatcher leaves it alone), with a waiting server, a failure, a skip and links.
        var id = await site.AddCampaignAsync("Axe " + screen, CampaignStatus.Paused, lastError: "421 4.3.2 Try again later");
        var subscribers = await site.AddLinesAsync(id, "axe-" + screen, Sent(), Failed("550 5.1.1 User unknown"), Skipped(), Pending());
        await site.AddLinkAsync(id, "https://staraya-russa.test/promotions/spring", 3);
        await using var visitor = await site.NewVisitorAsync();
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/admin/account/login");
        await page.Locator("#Input_Email").FillAsync(SubscriberData.Administrator);
        await page.Locator("#Input_Password").FillAsync(SubscriberData.AdministratorPassword);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(site.Address + "/admin");

        var response = await page.GotoAsync(screen == "subscriber" ? $"/admin/marketing/subscribers/{subscribers[1]}" : $"/admin/marketing/campaigns/{id}/{screen}");

        Assert.Equal(200, response!.Status);
        await AxeChecks.AssertNoViolationsAsync(page);
    }
}
