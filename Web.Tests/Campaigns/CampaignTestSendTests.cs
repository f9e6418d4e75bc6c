using System.Net;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Subscribers;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Campaigns;

/// <summary>Test-send: the mail as subscribers will get it, to a few given addresses, marked as a test, unsubscribing nobody.</summary>
public sealed class CampaignTestSendTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task A_test_mail_reaches_each_address_with_both_parts_absolute_pictures_and_written_out_links()
    {
        var (promotion, picture) = await site.AddPromotionAsync("test-send");
        var id = await site.AddBilingualCampaignAsync("Test send", promotion);
        var (first, second) = (MailDev.NewAddress("test-one"), MailDev.NewAddress("test-two"));
        var marketer = await site.LogInAsMarketerAsync();

        var response = await marketer.SubmitFormAsync(
            $"/admin/marketing/campaigns/{id}",
            new() { ["TestAddresses"] = $"{first.ToUpperInvariant()}, {second}", ["TestLanguage"] = "en" },
            "#test-form");

        var (_, page) = await marketer.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal($"Тестовое письмо (Английский) отправлено: {first}, {second}.", page.StatusMessage());
        var mail = await MailDev.WaitForMailToAsync(first);
        await MailDev.WaitForMailToAsync(second);
        Assert.Equal("[Test] Autumn offer", mail.Subject);
        Assert.Contains("<strong>autumn</strong>", mail.Html);
        Assert.Contains($"src=\"{SiteFactory.BaseUrl}/media/{picture}\"", mail.Html);
        Assert.Contains("alt=\"Mud baths\"", mail.Html);
        Assert.Contains("the treatment programme (https://example.org/en/program)", mail.Text);
        Assert.Contains($"{SiteFactory.BaseUrl}/en/promotions/test-send-offer", mail.Text);
        Assert.DoesNotContain("**", mail.Text);
        var unsubscribe = mail.LinkTo("/en/newsletter/unsubscribe");
        Assert.DoesNotContain("unsubscribe-link-", mail.Text + mail.Html);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.CampaignTestSent && e.Target == $"campaign {id}")));

        // The unsubscribe link of a test mail works as a real one does and unsubscribes nobody.
        var subscriber = await site.WithDbAsync(async db =>
        {
            var bystander = new Subscriber(MailDev.NewAddress("bystander"), Sanatorium.Core.Language.En, SubscriberSource.Form, DateTimeOffset.UtcNow) { Status = SubscriberStatus.Confirmed };
            db.Subscribers.Add(bystander);
            await db.SaveChangesAsync();
            return bystander.Id;
        });
        var visitor = site.CreateVisitor();
        var (_, unsubscribePage) = await visitor.GetPageAsync(unsubscribe.PathAndQuery);
        var done = await visitor.SubmitAsync(unsubscribePage.Form(), []);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(SubscriberStatus.Confirmed, await site.WithDbAsync(db => db.Subscribers.Where(s => s.Id == subscriber).Select(s => s.Status).SingleAsync()));
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("")]
    [InlineData("a@b.test, b@b.test, c@b.test, d@b.test, e@b.test, f@b.test")]
    public async Task Wrong_or_too_many_addresses_are_refused_and_nothing_is_queued(string addresses)
    {
        var id = await site.AddBilingualCampaignAsync("Bad addresses");
        var marketer = await site.LogInAsMarketerAsync();
        var before = await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.CampaignTestSent));

        var response = await marketer.SubmitFormAsync($"/admin/marketing/campaigns/{id}", new() { ["TestAddresses"] = addresses, ["TestLanguage"] = "ru" }, "#test-form");

        var (_, page) = await marketer.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Тестовое письмо не отправлено: укажите от 1 до 5 правильных адресов через запятую.", page.StatusMessage());
        Assert.Equal(before, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.CampaignTestSent)));
    }
}
