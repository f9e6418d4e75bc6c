using System.Net;
using AngleSharp.Dom;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Core.Enquiries;
using Sanatorium.Core.Newsletters;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Scheduling;

/// <summary>The back office home page shows each role the blocks it acts on, with the right numbers and links.</summary>
public sealed class DashboardTests(SiteFactory site) : IClassFixture<SiteFactory>, IAsyncLifetime
{
    private const string Writer = "dashboard-writer@staraya-russa.test";

    public async Task InitializeAsync()
    {
        if (await site.WithDbAsync(db => Task.FromResult(db.Campaigns.Any(c => c.Name == "dashboard-campaign"))))
        {
            return;
        }

        var writer = await site.LogInAsync(await site.CreateAsync(Writer, Roles.Editor));
        var edit = (await Scheduling.SaveDraftAsync(writer, "/admin/content/pages/edit", new() { ["ru-Title"] = "Черновик для обзора" })).Headers.Location!.OriginalString;
        await Scheduling.ScheduleAsync(writer, edit, Scheduling.Input(DateTimeOffset.UtcNow.AddDays(3)));
        var today = ResortClock.Today(TimeProvider.System);
        await site.WithDbAsync(async db =>
        {
            var promotion = new Promotion("dashboard-offer", today.AddDays(3), today.AddDays(40));
            promotion.AddTranslation(new PromotionTranslation(Language.Ru, "osennyaya-aktsiya", "Осенняя акция"));
            db.Promotions.Add(promotion);
            db.Promotions.Add(new Promotion("dashboard-far", today.AddDays(20), today.AddDays(40)));
            db.Enquiries.AddRange(new Enquiry(DateTimeOffset.UtcNow, Language.Ru), new Enquiry(DateTimeOffset.UtcNow, Language.En));
            var reader = new Subscriber("dashboard.reader@staraya-russa.test", Language.Ru, SubscriberSource.Form, DateTimeOffset.UtcNow)
            {
                Status = SubscriberStatus.Confirmed,
                ConfirmedAt = DateTimeOffset.UtcNow,
            };
            var other = new Subscriber("dashboard.other@staraya-russa.test", Language.Ru, SubscriberSource.Form, DateTimeOffset.UtcNow) { Status = SubscriberStatus.Confirmed };
            var campaign = new Campaign("dashboard-campaign", "admin@staraya-russa.test", DateTimeOffset.UtcNow) { Status = CampaignStatus.Sent, StartedAt = DateTimeOffset.UtcNow };
            db.AddRange(reader, other, campaign);
            await db.SaveChangesAsync();
            db.CampaignDeliveries.AddRange(
                new CampaignDelivery(campaign.Id, reader.Id, Language.Ru, DateTimeOffset.UtcNow) { Status = DeliveryStatus.Sent },
                new CampaignDelivery(campaign.Id, other.Id, Language.Ru, DateTimeOffset.UtcNow) { Status = DeliveryStatus.Failed });
            await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_editor_sees_drafts_schedules_promotions_and_content_activity_but_no_enquiries_or_newsletter()
    {
        var page = await HomeAsync(Roles.Editor);

        var draft = Assert.Single(page.QuerySelectorAll("#drafts li"), li => li.TextContent.Contains("Черновик для обзора"));
        Assert.Contains(Writer, draft.TextContent);
        Assert.StartsWith("/admin/content/pages/edit/", draft.QuerySelector("a")!.GetAttribute("href"));
        var scheduled = Assert.Single(page.QuerySelectorAll("#scheduled li"));
        Assert.Contains("Черновик для обзора", scheduled.TextContent);
        Assert.Contains(ResortClock.Format(DateTimeOffset.UtcNow.AddDays(3))[..10], scheduled.TextContent);
        var promotion = Assert.Single(page.QuerySelectorAll("#promotions-week li"));
        Assert.Contains("Осенняя акция", promotion.TextContent);
        Assert.StartsWith("/admin/content/promotions/edit/", promotion.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(page.QuerySelectorAll("#activity li"), li => li.TextContent.Contains("content.scheduled"));
        Assert.All(page.QuerySelectorAll("#activity li"), li => Assert.Contains("content.", li.TextContent));
        Assert.Null(page.QuerySelector("#enquiries"));
        Assert.Null(page.QuerySelector("#newsletter"));
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/admin/enquiries");
    }

    [Fact]
    public async Task A_marketer_sees_new_enquiries_and_the_newsletter_figures_but_no_drafts()
    {
        var page = await HomeAsync(Roles.Marketer);

        Assert.Equal("Новых запросов: 2", page.QuerySelector("#enquiries a[href='/admin/enquiries']")!.TextContent);
        Assert.Equal("2", page.QuerySelector("#newsletter [data-figure=confirmed]")!.TextContent);
        Assert.Equal("1", page.QuerySelector("#newsletter [data-figure=new]")!.TextContent);
        Assert.Equal("1", page.QuerySelector("#newsletter [data-figure=delivered]")!.TextContent);
        Assert.Equal("1", page.QuerySelector("#newsletter [data-figure=failed]")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("#newsletter a"), a => a.TextContent == "dashboard-campaign" && a.GetAttribute("href")!.StartsWith("/admin/marketing/campaigns/", StringComparison.Ordinal));
        Assert.Null(page.QuerySelector("#drafts"));
        Assert.Null(page.QuerySelector("#scheduled"));
        Assert.Null(page.QuerySelector("#promotions-week"));
        Assert.DoesNotContain(page.QuerySelectorAll("#activity li"), li => li.TextContent.Contains("content."));
    }

    [Fact]
    public async Task An_administrator_sees_every_block_and_the_whole_audit_log()
    {
        var page = await HomeAsync(Roles.Administrator);

        foreach (var block in new[] { "#drafts", "#scheduled", "#promotions-week", "#enquiries", "#newsletter", "#activity" })
        {
            Assert.NotNull(page.QuerySelector(block));
        }

        var activity = page.QuerySelectorAll("#activity li");
        Assert.Equal(Math.Min(10, await site.WithDbAsync(db => Task.FromResult(db.AuditEntries.Count()))), activity.Length);
        Assert.Contains(activity, li => li.TextContent.Contains("login.succeeded"));
        Assert.All(activity, li => Assert.NotNull(li.QuerySelector("a[href]")));
        Assert.NotNull(page.QuerySelector("#activity a[href='/admin/audit']"));
    }

    private async Task<IDocument> HomeAsync(string role)
    {
        var staff = await site.LogInAsync(await site.CreateAsync($"dashboard-{role.ToLowerInvariant()}-{Guid.NewGuid():N}@staraya-russa.test", role));
        var (response, page) = await staff.GetPageAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }
}
