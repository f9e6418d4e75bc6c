using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Subscribers;

namespace Sanatorium.Web.Tests.Browser;

/// <summary>The back office: its login page, and the main screens an administrator works in.</summary>
[Trait("Category", "Browser")]
public sealed class AdminAxeTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public Task The_login_page_has_no_violations() => AxeChecks.AssertNoViolationsAsync(site, "/admin/account/login", "normal");

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/content/treatments")]
    [InlineData("/admin/content/treatments/edit/1")]
    [InlineData("/admin/content/treatments/1/history")]
    [InlineData("/admin/content/promotions/edit")]
    [InlineData("/admin/content/contacts")]
    [InlineData("/admin/users")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/me")]
    [InlineData("/admin/marketing")]
    [InlineData("/admin/marketing/subscribers")]
    [InlineData("/admin/marketing/subscribers/1")]
    [InlineData("/admin/marketing/subscribers/1/erase")]
    public async Task A_back_office_screen_has_no_violations(string path)
    {
        await AddSubscriberAsync();
        await using var visitor = await site.NewVisitorAsync();
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/admin/account/login");
        await page.Locator("#Input_Email").FillAsync("admin@staraya-russa.test");
        await page.Locator("#Input_Password").FillAsync("Correct-Horse-42");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(site.Address + "/admin");

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        await AxeChecks.AssertNoViolationsAsync(page);
    }

    /// <summary>The first subscriber (id 1), with a consent record and a mail sent, for the marketing screens.</summary>
    private Task AddSubscriberAsync() => site.WithDbAsync(async db =>
    {
        if (await db.Subscribers.AnyAsync())
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        var subscriber = new Subscriber("axe@staraya-russa.test", Language.Ru, SubscriberSource.Form, now.AddDays(-9))
        {
            Status = SubscriberStatus.Confirmed,
            ConfirmedAt = now.AddDays(-9),
            ConsentAt = now.AddDays(-9),
            ConsentSource = "/",
            ConsentLanguage = Language.Ru,
            ConsentIpHash = [1, 2, 3, 4, 5, 6, 7, 8],
        };
        db.Subscribers.Add(subscriber);
        await db.SaveChangesAsync();
        db.SubscriberEvents.Add(new SubscriberEvent(subscriber.Id, now.AddDays(-2), SubscriberEventKind.MailSent, "Осенние скидки"));
        await db.SaveChangesAsync();
    });
}
