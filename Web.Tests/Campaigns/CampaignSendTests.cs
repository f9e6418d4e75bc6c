using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Newsletters;
using Sanatorium.Core.Subscribers;
using Sanatorium.Web.Tests.Infrastructure;
using Sanatorium.Web.Tests.Marketing;

namespace Sanatorium.Web.Tests.Campaigns;

/// <summary>
/// "Send now": each audience language rendered once with tracked links and the placeholder, the
/// ledger written once for the audience, however many marketers press the button. (The dispatcher
/// sends the rows after the merge, so only the rows are counted here, never their state.)
/// </summary>
public sealed partial class CampaignSendTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Sending_renders_each_language_once_and_writes_the_ledger_for_the_audience()
    {
        var (promotion, _) = await site.AddPromotionAsync("send");
        var id = await site.AddCampaignAsync("Russian audience", Language.Ru, new Dictionary<Language, (string, string)>
        {
            [Language.Ru] = ("Скидки", "[Программа](https://example.org/program) и снова [программа](https://example.org/program)."),
        }, promotion);
        var subscribers = await AddAudienceAsync("ru-audience");
        var marketer = await site.LogInAsMarketerAsync();

        var response = await marketer.SubmitFormAsync($"/admin/marketing/campaigns/{id}", [], "#send-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/marketing/campaigns/{id}/progress", response.Headers.Location!.OriginalString);
        var ledger = await site.WithDbAsync(db => db.CampaignDeliveries.Where(d => d.CampaignId == id).Select(d => new { d.SubscriberId, d.Language }).ToListAsync());
        var confirmedRussians = await site.WithDbAsync(db => db.Subscribers.CountAsync(s => s.Status == SubscriberStatus.Confirmed && s.Language == Language.Ru));
        Assert.Equal(confirmedRussians, ledger.Count);
        Assert.Equal(ledger.Count, ledger.Select(d => d.SubscriberId).Distinct().Count());
        Assert.Subset(ledger.Select(d => d.SubscriberId!.Value).ToHashSet(), subscribers.Russians.ToHashSet());
        Assert.DoesNotContain(ledger, d => subscribers.Others.Contains(d.SubscriberId!.Value) || d.Language != Language.Ru);
        var campaign = await site.CampaignAsync(id);
        Assert.NotEqual(CampaignStatus.Draft, campaign.Status);
        Assert.NotNull(campaign.StartedAt);
        Assert.Matches(Placeholder(), campaign.Placeholder!);
        var russian = campaign.Translation(Language.Ru)!;
        Assert.Contains(campaign.Placeholder!, russian.Html);
        Assert.Contains(campaign.Placeholder!, russian.Text);
        Assert.DoesNotContain("https://example.org/program", russian.Html);
        Assert.DoesNotContain("https://example.org/program", russian.Text);
        var links = await site.WithDbAsync(db => db.CampaignLinks.Where(l => l.CampaignId == id).Select(l => l.Url).OrderBy(u => u).ToListAsync());
        Assert.Equal(["https://example.org/program", $"{SiteFactory.BaseUrl}/promotions/send-skidka"], links);
        Assert.Equal(3, Regex.Count(russian.Html!, $"{SiteFactory.BaseUrl}/newsletter/link/"));
        Assert.Null(campaign.Translation(Language.En));
        var audit = await site.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.CampaignStarted && e.Target == $"campaign {id}"));
        Assert.Equal(confirmedRussians.ToString(System.Globalization.CultureInfo.InvariantCulture), audit.Details);
    }

    [Fact]
    public async Task Two_marketers_pressing_send_at_once_start_it_once()
    {
        var id = await site.AddBilingualCampaignAsync("Race");
        await AddAudienceAsync("race");
        var first = await site.LogInAsMarketerAsync();
        var second = await site.LogInAsMarketerAsync();
        var (_, firstPage) = await first.GetPageAsync($"/admin/marketing/campaigns/{id}");
        var (_, secondPage) = await second.GetPageAsync($"/admin/marketing/campaigns/{id}");

        var responses = await Task.WhenAll(
            first.SubmitAsync(firstPage.Form("#send-form"), []),
            second.SubmitAsync(secondPage.Form("#send-form"), []));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        // Where each lands depends on when the other committed (both on the progress page when the second
        // loaded the campaign after the first had started it): that it started once shows in the ledger and the audit.
        var rows = await site.WithDbAsync(db => db.CampaignDeliveries.CountAsync(d => d.CampaignId == id));
        Assert.Equal(await site.WithDbAsync(db => db.Subscribers.CountAsync(s => s.Status == SubscriberStatus.Confirmed)), rows);
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.CampaignStarted && e.Target == $"campaign {id}")));
    }

    [Fact]
    public async Task A_campaign_that_is_no_longer_a_draft_is_not_sent_again()
    {
        var id = await site.AddBilingualCampaignAsync("Twice");
        await AddAudienceAsync("twice");
        var marketer = await site.LogInAsMarketerAsync();
        var (_, page) = await marketer.GetPageAsync($"/admin/marketing/campaigns/{id}");
        await marketer.SubmitAsync(page.Form("#send-form"), []);
        var rows = await site.WithDbAsync(db => db.CampaignDeliveries.CountAsync(d => d.CampaignId == id));

        var again = await marketer.SubmitAsync(page.Form("#send-form"), []);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(rows, await site.WithDbAsync(db => db.CampaignDeliveries.CountAsync(d => d.CampaignId == id)));
        Assert.Equal(HttpStatusCode.Redirect, (await marketer.GetAsync($"/admin/marketing/campaigns/{id}")).StatusCode);
    }

    /// <summary>Two confirmed Russian-speaking subscribers, and three who must not get a campaign for them: English-speaking, pending, unsubscribed.</summary>
    private async Task<(long[] Russians, long[] Others)> AddAudienceAsync(string name)
    {
        var ru = await site.AddAsync(SubscriberData.New(MailDev.NewAddress(name + "-ru1")), SubscriberData.New(MailDev.NewAddress(name + "-ru2")));
        var en = await site.AddAsync(SubscriberData.New(MailDev.NewAddress(name + "-en"), language: Language.En));
        var others = await site.AddAsync(
            SubscriberData.New(MailDev.NewAddress(name + "-pending"), SubscriberStatus.Pending),
            SubscriberData.New(MailDev.NewAddress(name + "-gone"), SubscriberStatus.Unsubscribed, Language.En));
        return (ru, [.. en, .. others]);
    }

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex Placeholder();
}
