using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Core;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Campaigns;

/// <summary>The click redirect of campaign mail: it counts and leads to a link the campaign stored, and to nothing else.</summary>
public sealed partial class CampaignLinkTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task A_click_is_counted_and_redirected_to_the_stored_address()
    {
        var (link, id) = await TrackedLinkAsync("Clicks");
        var visitor = site.CreateVisitor();

        var first = await visitor.GetAsync(link);
        var second = await visitor.GetAsync(link);
        var head = await visitor.SendAsync(new HttpRequestMessage(HttpMethod.Head, link));

        Assert.All([first, second, head], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All([first, second, head], r => Assert.Equal("https://example.org/en/program", r.Headers.Location!.OriginalString));
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.Equal(2, await site.WithDbAsync(db => db.CampaignLinks.Where(l => l.CampaignId == id && l.Url == "https://example.org/en/program").Select(l => l.Clicks).SingleAsync()));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await visitor.PostAsync(link, new StringContent(""))).StatusCode);
    }

    [Fact]
    public async Task Clicks_at_once_are_all_counted()
    {
        var (link, id) = await TrackedLinkAsync("Many clicks");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => site.CreateVisitor().GetAsync(link)));

        Assert.Equal(20, await site.WithDbAsync(db => db.CampaignLinks.Where(l => l.CampaignId == id && l.Url == "https://example.org/en/program").Select(l => l.Clicks).SingleAsync()));
    }

    [Fact]
    public async Task A_forged_or_damaged_token_is_not_found_and_leads_nowhere()
    {
        var (link, _) = await TrackedLinkAsync("Forgery");
        var protector = site.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Sanatorium.Newsletter.CampaignLink");
        var visitor = site.CreateVisitor();
        string[] forged =
        [
            link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..],
            link[..^10],
            "/newsletter/link/" + new string('A', 120),
            "/newsletter/link/" + new string('A', 5000),
            // Signed by the site but for an address instead of a link id, and for a link that does not exist.
            "/newsletter/link/" + protector.Protect("https://evil.example/phish"),
            "/newsletter/link/" + protector.Protect("987654"),
            link + "?url=https%3A%2F%2Fevil.example%2F",
        ];

        foreach (var address in forged)
        {
            var response = await visitor.GetAsync(address);
            var expected = address.Contains("?url=", StringComparison.Ordinal) ? HttpStatusCode.Redirect : HttpStatusCode.NotFound;
            Assert.True(expected == response.StatusCode, $"{address}: {response.StatusCode}");
            Assert.NotEqual("evil.example", response.Headers.Location?.Host);
        }
    }

    /// <summary>A campaign scheduled for next year (so rendered, with tracked links, and left alone by the dispatcher); the tracked link to the English body's address.</summary>
    private async Task<(string Link, long CampaignId)> TrackedLinkAsync(string name)
    {
        var id = await site.AddBilingualCampaignAsync(name);
        var marketer = await site.LogInAsMarketerAsync();
        await marketer.SubmitFormAsync($"/admin/marketing/campaigns/{id}", new() { ["SendAt"] = $"{DateTime.UtcNow.Year + 1}-01-15T10:00" }, "#schedule-form");
        var text = (await site.CampaignAsync(id)).Translation(Language.En)!.Text!;
        var link = TrackedLink().Match(text);
        Assert.True(link.Success, text);
        return (new Uri(link.Groups[1].Value).PathAndQuery, id);
    }

    [GeneratedRegex(@"the treatment programme \((https://\S+/newsletter/link/[^)\s]+)\)")]
    private static partial Regex TrackedLink();
}
