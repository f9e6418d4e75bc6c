using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Core;
using Sanatorium.Core.Newsletters;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Subscribers;

namespace Sanatorium.Web.Tests.Campaigns.Dispatch;

/// <summary>What each subscriber receives when a campaign goes out through the dispatcher and real SMTP (MailDev).</summary>
public sealed class CampaignMessageTests(DispatchFixture fixture) : IClassFixture<DispatchFixture>
{
    [Fact]
    public async Task Every_confirmed_subscriber_gets_one_message_in_their_language_with_the_newsletter_headers()
    {
        var site = fixture.Site;
        var russian = await CampaignData.AudienceAsync(site, "headers-ru", 6);
        var english = await CampaignData.AddAsync(site, "headers-en", 4, Language.En);
        var pending = await CampaignData.AddAsync(site, "headers-pending", 2, status: SubscriberStatus.Pending);
        var campaign = await CampaignData.CreateAsync(site, "headers");

        var recipients = await CampaignData.StartAsync(site, campaign);
        await CampaignData.WaitForStatusAsync(site, campaign, CampaignStatus.Sent);

        Assert.Equal(10, recipients);
        Assert.Equal(new Dictionary<DeliveryStatus, int> { [DeliveryStatus.Sent] = 10 }, await CampaignData.LinesAsync(site, campaign));
        var all = await fixture.Inbox.AllAsync();
        var headers = site.Services.GetRequiredService<SubscriptionHeaders>();
        var links = site.Services.GetRequiredService<SubscriptionLinks>();
        var messageIds = new HashSet<string>();
        var unsubscribeLinks = new Dictionary<long, string>();
        foreach (var subscriber in russian.Concat(english))
        {
            var mail = Assert.Single(all, m => m.To.Any(to => to.Address == subscriber.Email));
            var message = await fixture.Inbox.SourceAsync(mail);
            var unsubscribe = message.Headers["List-Unsubscribe"]!.Trim('<', '>');
            unsubscribeLinks[subscriber.Id] = unsubscribe;

            Assert.Equal(CampaignData.Subject(subscriber.Language, "headers"), message.Subject);
            Assert.StartsWith(UnsubscribePrefix(subscriber.Language), unsubscribe, StringComparison.Ordinal);
            Assert.Equal(subscriber.Id, links.ReadUnsubscribe(System.Web.HttpUtility.ParseQueryString(new Uri(unsubscribe).Query)["token"]));
            Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
            Assert.Equal($"{SubscriptionHeaders.ListName} <{headers.ListId}>", message.Headers["List-Id"]);
            Assert.Equal("1.0", message.Headers["MIME-Version"]);
            Assert.True(message.Date > DateTimeOffset.UtcNow.AddMinutes(-5), $"Date: {message.Headers["Date"]}");
            Assert.EndsWith("@staraya-russa.test", message.MessageId, StringComparison.Ordinal);
            Assert.True(messageIds.Add(message.MessageId!), $"Message-ID {message.MessageId} is used twice.");
            Assert.Contains(CampaignData.Words(subscriber.Language), message.TextBody, StringComparison.Ordinal);
            Assert.Contains(unsubscribe, message.TextBody, StringComparison.Ordinal);
            Assert.Contains(CampaignData.Words(subscriber.Language), message.HtmlBody, StringComparison.Ordinal);
            Assert.Contains($"href=\"{WebUtility.HtmlEncode(unsubscribe)}\"", message.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("unsubscribe-", message.TextBody!.Replace(unsubscribe, "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(all, m => m.To.Any(to => pending.Any(p => p.Email == to.Address)));

        var leaving = english[0];
        var mailProgram = site.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var oneClick = await mailProgram.PostAsync(
            new Uri(unsubscribeLinks[leaving.Id]).PathAndQuery,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.True(oneClick.IsSuccessStatusCode, $"The one-click unsubscribe answered {oneClick.StatusCode}.");
        Assert.Equal(SubscriberStatus.Unsubscribed, await site.WithDbAsync(db => db.Subscribers.Where(s => s.Id == leaving.Id).Select(s => s.Status).SingleAsync()));
    }

    private static string UnsubscribePrefix(Language language) =>
        Infrastructure.SiteFactory.BaseUrl + (language == Language.En ? "/en" : "") + SubscriptionLinks.UnsubscribePath + "?token=";

    [Fact]
    public async Task A_campaign_for_one_language_reaches_only_the_subscribers_of_that_language()
    {
        var site = fixture.Site;
        var russian = await CampaignData.AudienceAsync(site, "language-ru", 3);
        var english = await CampaignData.AddAsync(site, "language-en", 3, Language.En);
        var campaign = await CampaignData.CreateAsync(site, "language", audience: Language.En);

        var recipients = await CampaignData.StartAsync(site, campaign);
        await CampaignData.WaitForStatusAsync(site, campaign, CampaignStatus.Sent);

        Assert.Equal(3, recipients);
        var all = await fixture.Inbox.AllAsync();
        foreach (var subscriber in english)
        {
            Assert.Equal(CampaignData.Subject(Language.En, "language"), Assert.Single(all, m => m.To.Any(to => to.Address == subscriber.Email)).Subject);
        }

        Assert.DoesNotContain(all, m => m.To.Any(to => russian.Any(r => r.Email == to.Address)));
    }
}
