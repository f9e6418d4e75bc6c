using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Core.Subscribers;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Marketing;

/// <summary>The marketing dashboard: totals per status, and confirmations and departures per resort week as a chart and a table.</summary>
public sealed class MarketingDashboardTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task The_dashboard_counts_each_resort_week_and_each_status()
    {
        var now = site.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var moscow = TimeSpan.FromHours(3);
        var today = DateOnly.FromDateTime(now.ToOffset(moscow).DateTime);
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var lastMonday = thisMonday.AddDays(-7);
        // Resort weeks: Sunday 23:30 in Moscow is last week, Monday 00:30 there (Sunday 21:30 UTC) is this week.
        var lastSundayLate = new DateTimeOffset(thisMonday.AddDays(-1).ToDateTime(new TimeOnly(23, 30)), moscow).ToUniversalTime();
        var thisMondayEarly = new DateTimeOffset(thisMonday.ToDateTime(new TimeOnly(0, 30)), moscow).ToUniversalTime();
        var subscribers = new List<Subscriber>();
        for (var i = 0; i < 3; i++)
        {
            subscribers.Add(Confirmed($"last{i}@dashboard.test", lastSundayLate));
        }

        subscribers.Add(Confirmed("this@dashboard.test", thisMondayEarly));
        var gone = Confirmed("gone@dashboard.test", lastSundayLate.AddDays(-3));
        gone.Status = SubscriberStatus.Unsubscribed;
        gone.UnsubscribedAt = thisMondayEarly;
        subscribers.Add(gone);
        subscribers.Add(SubscriberData.New("waiting@dashboard.test", status: SubscriberStatus.Pending, at: thisMondayEarly));
        subscribers.Add(Confirmed("ancient@dashboard.test", thisMondayEarly.AddDays(-7 * 20)));
        await site.AddAsync([.. subscribers]);
        var admin = await site.LogInAsAdministratorAsync();

        var (response, page) = await admin.GetPageAsync("/admin/marketing");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("table.growth-table tbody tr").ToList();
        Assert.Equal(12, rows.Count);
        Assert.Equal([lastMonday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "4", "0"], Cells(rows[^2]));
        Assert.Equal([thisMonday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "1", "1"], Cells(rows[^1]));
        Assert.All(rows.SkipLast(2), r => Assert.Equal(["0", "0"], Cells(r)[1..]));
        Assert.Equal("5", Count(page, "confirmed"));
        Assert.Equal("1", Count(page, "pending"));
        Assert.Equal("1", Count(page, "unsubscribed"));
        var chart = page.QuerySelector("svg[role=img]")!;
        Assert.Equal("growth-title growth-desc", chart.GetAttribute("aria-labelledby"));
        Assert.Equal(24, chart.QuerySelectorAll("rect").Length);
        Assert.Null(chart.QuerySelector("[style]"));
    }

    private static Subscriber Confirmed(string email, DateTimeOffset confirmedAt)
    {
        var subscriber = SubscriberData.New(email, at: confirmedAt.AddHours(-1));
        subscriber.ConfirmedAt = confirmedAt;
        return subscriber;
    }

    private static List<string> Cells(IElement row) => row.Children.Select(c => c.TextContent.Trim()).ToList();

    private static string Count(IDocument page, string status) => page.QuerySelector($".status-totals .count[data-status={status}]")!.TextContent.Trim();
}
