using System.Net;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Subscribers;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Marketing;

/// <summary>One subscriber: the consent record, the history and mails sent, unsubscribing by hand.</summary>
public sealed class SubscriberDetailsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task The_page_shows_the_consent_record_the_history_and_the_mails_sent()
    {
        var subscriber = SubscriberData.New("consent@details.test", language: Language.En);
        subscriber.ConsentSource = "/en/treatments/lumbar-pain-syndrome";
        subscriber.ConsentIpHash = [0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67, 0x89];
        subscriber.ConsentAttestedBy = "marketer@staraya-russa.test";
        var id = (await site.AddAsync(subscriber)).Single();
        await site.WithDbAsync(async db =>
        {
            db.SubscriberEvents.AddRange(
                new SubscriberEvent(id, SubscriberData.Monday, SubscriberEventKind.Subscribed, "/en/treatments/lumbar-pain-syndrome"),
                new SubscriberEvent(id, SubscriberData.Monday.AddHours(1), SubscriberEventKind.Confirmed),
                new SubscriberEvent(id, SubscriberData.Monday.AddDays(3), SubscriberEventKind.MailSent, "Spring offer: 20% off"));
            await db.SaveChangesAsync();
        });
        var admin = await site.LogInAsAdministratorAsync();

        var (response, page) = await admin.GetPageAsync($"/admin/marketing/subscribers/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("consent@details.test", page.QuerySelector("h1")!.TextContent.Trim());
        var consent = page.QuerySelector("dl.consent")!.TextContent;
        Assert.Contains("2026-11-02 12:00", consent);
        Assert.Contains("/en/treatments/lumbar-pain-syndrome", consent);
        Assert.Contains("Английский", consent);
        Assert.Contains("marketer@staraya-russa.test", consent);
        Assert.Contains("abcdef012345…", consent);
        Assert.DoesNotContain("abcdef0123456789", consent);
        Assert.Equal(
            ["подписался", "подтвердил подписку"],
            page.QuerySelectorAll("table.history tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()));
        Assert.Equal(["Spring offer: 20% off"], page.QuerySelectorAll("table.mails-sent tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task Unsubscribing_by_hand_changes_the_status_records_who_did_it_and_cannot_be_repeated()
    {
        var id = (await site.AddAsync(SubscriberData.New("leaving@details.test"))).Single();
        var stamp = await site.WithDbAsync(db => db.Subscribers.Where(s => s.Id == id).Select(s => s.Stamp).SingleAsync());
        var admin = await site.LogInAsAdministratorAsync();

        var response = await admin.SubmitFormAsync($"/admin/marketing/subscribers/{id}", [], "#unsubscribe-form");
        var (_, page) = await admin.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("Подписчик отписан", page.StatusMessage());
        Assert.Null(page.QuerySelector("#unsubscribe-form"));
        var stored = await site.WithDbAsync(db => db.Subscribers.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(SubscriberStatus.Unsubscribed, stored.Status);
        Assert.NotNull(stored.UnsubscribedAt);
        Assert.NotEqual(stamp, stored.Stamp);
        var events = await site.WithDbAsync(db => db.SubscriberEvents.Where(e => e.SubscriberId == id).ToListAsync());
        Assert.Equal(SubscriberEventKind.Unsubscribed, Assert.Single(events).Kind);
        Assert.Equal(SubscriberData.Administrator, events[0].Details);
        var audit = await site.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.SubscriberUnsubscribed));
        Assert.Equal($"subscriber {id}", audit.Target);
    }

    [Fact]
    public async Task Two_unsubscribes_at_once_record_one_departure()
    {
        var id = (await site.AddAsync(SubscriberData.New("twice@details.test"))).Single();
        var admin = await site.LogInAsAdministratorAsync();
        var (_, page) = await admin.GetPageAsync($"/admin/marketing/subscribers/{id}");
        var form = page.Form("#unsubscribe-form");

        var responses = await Task.WhenAll(admin.SubmitAsync(form, []), admin.SubmitAsync(form, []));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await site.WithDbAsync(db => db.SubscriberEvents.CountAsync(e => e.SubscriberId == id)));
    }

    [Theory]
    [InlineData("/admin/marketing/subscribers/999999")]
    [InlineData("/admin/marketing/subscribers/999999/erase")]
    public async Task A_subscriber_that_does_not_exist_answers_404(string path)
    {
        var admin = await site.LogInAsAdministratorAsync();

        var response = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_form_post_that_names_no_handler_of_the_page_is_refused_with_400_and_changes_nothing()
    {
        var id = (await site.AddAsync(SubscriberData.New("nohandler@details.test"))).Single();
        var admin = await site.LogInAsAdministratorAsync();
        var (_, page) = await admin.GetPageAsync($"/admin/marketing/subscribers/{id}");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        foreach (var path in new[] { $"/admin/marketing/subscribers/{id}", $"/admin/marketing/subscribers/{id}?handler=Nothing" })
        {
            var post = await admin.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
            Assert.True(post.StatusCode == HttpStatusCode.BadRequest, $"POST {path}: {post.StatusCode}");
        }

        Assert.Equal(SubscriberStatus.Confirmed, (await site.WithDbAsync(db => db.Subscribers.SingleAsync(s => s.Id == id))).Status);
    }
}
