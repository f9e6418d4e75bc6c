using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Core;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Seed;
using Sanatorium.Infrastructure.Subscribers;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Newsletter;

/// <summary>The newsletter form in the footer: what it asks, what it stores, and that its answer tells nobody who is subscribed.</summary>
public sealed class SubscribeFormTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string RussianPage = "/treatments/poyasnichnyy-bolevoy-sindrom";
    private const string EnglishPage = "/en/treatments/lumbar-pain-syndrome";

    [Theory]
    [InlineData(RussianPage, "/newsletter", "/info/politika-obrabotki-personalnyh-dannyh", "Политика обработки персональных данных")]
    [InlineData(EnglishPage, "/en/newsletter", "/en/info/privacy-policy", "Personal data policy")]
    public async Task The_footer_form_asks_for_the_address_and_consent_under_the_published_policy(string page, string action, string policy, string policyTitle)
    {
        var client = site.CreateVisitor();
        var (_, document) = await client.GetPageAsync(page);
        var form = document.Form("footer form.newsletter");

        Assert.Equal(action, form.GetAttribute("action"));
        Assert.Null(form.QuerySelector("input[name=__RequestVerificationToken]"));
        var consent = form.QuerySelector("input[type=checkbox][name=Consent]");
        Assert.NotNull(consent);
        var label = document.QuerySelector($"label[for={consent.Id}]");
        Assert.Equal(policy, label?.QuerySelector("a")?.GetAttribute("href"));
        var trap = form.QuerySelector("input[name=Website]");
        Assert.Equal("-1", trap?.GetAttribute("tabindex"));
        Assert.Equal("off", trap?.GetAttribute("autocomplete"));
        Assert.Equal("true", trap?.Closest("[aria-hidden]")?.GetAttribute("aria-hidden"));

        var (response, policyPage) = await client.GetPageAsync(policy);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(policyTitle, policyPage.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_policy_is_added_to_a_database_seeded_before_it_existed()
    {
        await site.WithDbAsync(db => db.InfoPages.Where(p => p.Key == PrivacyPolicySeed.Key).ExecuteDeleteAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync("/en/info/privacy-policy")).StatusCode);

        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(CancellationToken.None);
        }

        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync("/en/info/privacy-policy")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync("/info/politika-obrabotki-personalnyh-dannyh")).StatusCode);
    }

    [Theory]
    [InlineData(RussianPage, Language.Ru, "/newsletter/sent", "Проверьте почту")]
    [InlineData(EnglishPage, Language.En, "/en/newsletter/sent", "Check your inbox")]
    public async Task Subscribing_stores_a_pending_subscriber_in_the_page_language_with_the_consent_record(
        string page, Language language, string sent, string heading)
    {
        var client = site.CreateVisitor();
        var email = MailDev.NewAddress("form");

        var response = await client.SubscribeAsync(page, email.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(sent, response.Headers.Location?.OriginalString);
        var (_, answer) = await client.GetPageAsync(sent);
        Assert.Equal(heading, answer.QuerySelector("h1")?.TextContent.Trim());
        var subscriber = await site.SubscriberAsync(email);
        Assert.NotNull(subscriber);
        Assert.Equal(SubscriberStatus.Pending, subscriber.Status);
        Assert.Equal(language, subscriber.Language);
        Assert.Equal(SubscriberSource.Form, subscriber.Source);
        Assert.Equal(page, subscriber.ConsentSource);
        Assert.Equal(language, subscriber.ConsentLanguage);
        Assert.True(subscriber.ConsentAt > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal(32, subscriber.ConsentIpHash?.Length);
        Assert.Equal([SubscriberEventKind.Subscribed], await site.HistoryAsync(subscriber.Id));
    }

    [Fact]
    public async Task A_new_a_pending_a_confirmed_and_an_unsubscribed_address_get_the_same_answer()
    {
        var client = site.CreateVisitor();
        var addresses = new Dictionary<SubscriberStatus, string>();
        foreach (var status in Enum.GetValues<SubscriberStatus>())
        {
            addresses[status] = MailDev.NewAddress("known");
            await client.SubscribeAsync(RussianPage, addresses[status]);
            await site.WithDbAsync(db => db.Subscribers.Where(s => s.Email == addresses[status])
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, status)));
        }

        var answers = new List<string>();
        foreach (var email in addresses.Values.Append(MailDev.NewAddress("new")))
        {
            var response = await client.SubscribeAsync(RussianPage, email);
            answers.Add($"{(int)response.StatusCode} {response.Headers.Location} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Single(answers.Distinct());
        Assert.StartsWith("302 /newsletter/sent", answers[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Введите адрес электронной почты.")]
    [InlineData("ivanov", "Проверьте адрес: он должен выглядеть так: name@example.ru.")]
    [InlineData("ivanov@localhost", "Проверьте адрес: он должен выглядеть так: name@example.ru.")]
    [InlineData("иванов@example.ru", "Проверьте адрес: он должен выглядеть так: name@example.ru.")]
    public async Task An_invalid_address_comes_back_with_a_message_next_to_the_field_and_nothing_is_stored(string email, string message)
    {
        var client = site.CreateVisitor();
        var before = await CountsAsync();

        var response = await client.SubscribeAsync(RussianPage, email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal(message, page.FieldError("Email"));
        Assert.Equal("true", page.QuerySelector("main [name=Email]")?.GetAttribute("aria-invalid"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Without_consent_the_form_comes_back_in_english_and_nothing_is_stored()
    {
        var client = site.CreateVisitor();
        var email = MailDev.NewAddress("no-consent");

        var response = await client.SubscribeAsync(EnglishPage, email, consent: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("To subscribe, tick the box to agree to receive our e-mails.", page.FieldError("Consent"));
        Assert.Equal(email, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("main [name=Email]")?.Value);
        Assert.Null(page.QuerySelector("footer form.newsletter"));
        Assert.Null(await site.SubscriberAsync(email));
    }

    [Fact]
    public async Task A_filled_honeypot_gets_the_same_answer_and_nothing_is_stored_or_sent()
    {
        var client = site.CreateVisitor();
        var email = MailDev.NewAddress("bot");
        var before = await CountsAsync();

        var response = await client.SubscribeAsync(RussianPage, email, values: new() { ["Website"] = "https://spam.example" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/newsletter/sent", response.Headers.Location?.OriginalString);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site", RussianPage, "Форма отправлена с другого сайта")]
    [InlineData("Origin", "https://evil.example", EnglishPage, "The form was sent from another site")]
    [InlineData("Origin", "null", RussianPage, "Форма отправлена с другого сайта")]
    public async Task A_form_sent_from_another_site_is_refused_with_403_in_the_visitor_language(string header, string value, string page, string heading)
    {
        var client = site.CreateVisitor();
        var email = MailDev.NewAddress("cross");

        var response = await client.SubscribeAsync(page, email, adjust: r => r.Headers.Add(header, value));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(heading, (await response.ParseAsync()).QuerySelector("h1")?.TextContent.Trim());
        Assert.Null(await site.SubscriberAsync(email));
    }

    [Theory]
    [InlineData("Origin", SiteFactory.BaseUrl)]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    public async Task A_form_sent_from_this_site_is_accepted(string header, string value)
    {
        var client = site.CreateVisitor();
        var email = MailDev.NewAddress("same");

        var response = await client.SubscribeAsync(RussianPage, email, adjust: r => r.Headers.Add(header, value));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await site.SubscriberAsync(email));
    }

    [Fact]
    public async Task The_same_address_sent_several_times_at_once_is_one_subscriber_and_never_a_500()
    {
        var client = site.CreateVisitor();
        var email = MailDev.NewAddress("twice");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.SubscribeAsync(RussianPage, email)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await site.WithDbAsync(db => db.Subscribers.CountAsync(s => s.Email == email)));
    }

    [Fact]
    public async Task An_address_gets_at_most_three_confirmation_mails_a_day_whatever_is_sent()
    {
        var client = site.CreateVisitor();
        var email = MailDev.NewAddress("capped");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.SubscribeAsync(RussianPage, email)));
        responses = [.. responses, await client.SubscribeAsync(EnglishPage, email)];

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var subscriber = await site.SubscriberAsync(email);
        var history = await site.HistoryAsync(subscriber!.Id);
        Assert.Equal(3, history.Count(k => k == SubscriberEventKind.Subscribed));
        Assert.Equal(3, await site.MailsMadeForAsync(subscriber.Id));
    }

    [Fact]
    public async Task An_erased_address_given_again_through_the_form_leaves_the_suppression_list()
    {
        var client = site.CreateVisitor();
        var email = MailDev.NewAddress("erased");
        var hash = await site.Services.GetRequiredService<SubscriberHasher>().HashAsync(email, CancellationToken.None);
        await site.WithDbAsync(db =>
        {
            db.SuppressedAddresses.Add(new SuppressedAddress(hash, DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        });

        await client.SubscribeAsync(RussianPage, email);

        Assert.Equal(SubscriberStatus.Pending, (await site.SubscriberAsync(email))?.Status);
        Assert.False(await site.WithDbAsync(db => db.SuppressedAddresses.AnyAsync(s => s.EmailHash == hash)));
    }

    /// <summary>What a subscription stores (mail already sent leaves the outbox, so the outbox is not counted).</summary>
    private Task<(int Subscribers, int Subscriptions)> CountsAsync() =>
        site.WithDbAsync(async db => (
            await db.Subscribers.CountAsync(),
            await db.SubscriberEvents.CountAsync(e => e.Kind == SubscriberEventKind.Subscribed)));
}
