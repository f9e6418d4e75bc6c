using MimeKit;
using MimeKit.Cryptography;
using Sanatorium.Core;
using Sanatorium.Core.Newsletters;

namespace Sanatorium.Web.Tests.Campaigns.Dispatch;

/// <summary>With a DKIM key configured, every campaign message carries a signature that verifies and covers the unsubscribe headers.</summary>
public sealed class CampaignDkimTests(DkimDispatchFixture fixture) : IClassFixture<DkimDispatchFixture>
{
    [Fact]
    public async Task Campaign_mail_is_signed_with_the_configured_key_over_the_newsletter_headers()
    {
        var site = fixture.Site;
        var audience = await CampaignData.AudienceAsync(site, "dkim-ru", 1);
        audience.AddRange(await CampaignData.AddAsync(site, "dkim-en", 1, Language.En));
        var campaign = await CampaignData.CreateAsync(site, "dkim");

        await CampaignData.StartAsync(site, campaign);
        await CampaignData.WaitForStatusAsync(site, campaign, CampaignStatus.Sent);

        var verifier = new DkimVerifier(fixture.Key);
        var all = await fixture.Inbox.AllAsync();
        Assert.Equal(2, all.Count);
        foreach (var mail in all)
        {
            var message = await fixture.Inbox.SourceAsync(mail);
            var signature = message.Headers.Single(h => h.Id == HeaderId.DkimSignature);
            var tags = signature.Value.Split(';').Select(tag => tag.Trim().Split('=', 2)).ToDictionary(tag => tag[0], tag => string.Concat(tag[1].Where(c => !char.IsWhiteSpace(c))));

            Assert.True(await verifier.VerifyAsync(message, signature), $"The signature of the message to {mail.To[0].Address} does not verify.");
            Assert.Equal(TestDkimKey.Domain, tags["d"]);
            Assert.Equal(TestDkimKey.Selector, tags["s"]);
            Assert.Equal(
                ["date", "from", "list-id", "list-unsubscribe", "list-unsubscribe-post", "message-id", "subject", "to"],
                tags["h"].Split(':').Select(h => h.ToLowerInvariant()).Order());
        }
    }
}
