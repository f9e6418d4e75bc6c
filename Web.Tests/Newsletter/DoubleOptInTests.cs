using System.Net;
using Sanatorium.Core.Subscribers;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Newsletter;

/// <summary>
/// The double opt-in over real SMTP (MailDev): the confirmation mail, confirming, the welcome mail and
/// what every newsletter carries, unsubscribing by the page's button and by the RFC 8058 one-click POST.
/// </summary>
public sealed class DoubleOptInTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string RussianConfirmSubject = "Подтвердите подписку на рассылку санатория «Старая Русса»";
    private const string EnglishConfirmSubject = "Confirm your subscription to the Staraya Russa resort's newsletter";
    private const string RussianWelcomeSubject = "Вы подписаны на рассылку санатория «Старая Русса»";
    private const string EnglishWelcomeSubject = "You are subscribed to the Staraya Russa resort's newsletter";

    [Theory]
    [InlineData("/", RussianConfirmSubject, "/newsletter/confirm", "подписать адрес")]
    [InlineData("/en/", EnglishConfirmSubject, "/en/newsletter/confirm", "asked to subscribe")]
    public async Task The_confirmation_mail_is_in_the_page_language_with_a_signed_link_in_both_parts(
        string page, string subject, string confirmPath, string words)
    {
        var client = site.CreateVisitor();
        var email = MailDev.NewAddress("confirm");

        await client.SubscribeAsync(page, email);

        var mail = await Subscribing.WaitForMailAsync(email, subject);
        Assert.Equal("promo@staraya-russa.test", Assert.Single(mail.From).Address);
        Assert.Contains(words, mail.Text, StringComparison.Ordinal);
        Assert.Contains(email, mail.Text, StringComparison.Ordinal);
        var link = mail.LinkTo(confirmPath);
        Assert.Contains(WebUtility.HtmlEncode(link.ToString()), mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(((await site.SubscriberAsync(email))!.Id).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":", link.Query, StringComparison.Ordinal);
        var headers = await Subscribing.HeadersAsync(email, subject);
        Assert.Equal(page == "/" ? "ru" : "en", headers["content-language"]);
    }

    [Fact]
    public async Task Opening_the_link_confirms_once_and_sends_the_welcome_mail_with_the_newsletter_headers()
    {
        var client = site.CreateVisitor();
        var email = MailDev.NewAddress("welcome");
        await client.SubscribeAsync("/en/", email);
        var link = (await Subscribing.WaitForMailAsync(email, EnglishConfirmSubject)).LinkTo("/en/newsletter/confirm");

        var (first, confirmed) = await client.GetPageAsync(link.PathAndQuery);
        var (second, again) = await client.GetPageAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Subscription confirmed", confirmed.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("Subscription already confirmed", again.QuerySelector("h1")?.TextContent.Trim());
        var subscriber = await site.SubscriberAsync(email);
        Assert.Equal(SubscriberStatus.Confirmed, subscriber?.Status);
        Assert.NotNull(subscriber?.ConfirmedAt);

        var welcome = await Subscribing.WaitForMailAsync(email, EnglishWelcomeSubject);
        var unsubscribe = welcome.LinkTo("/en/newsletter/unsubscribe");
        Assert.Contains(WebUtility.HtmlEncode(unsubscribe.ToString()), welcome.Html, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe from the newsletter", welcome.Html, StringComparison.Ordinal);
        var headers = await Subscribing.HeadersAsync(email, EnglishWelcomeSubject);
        Assert.Equal($"<{unsubscribe}>", headers["list-unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", headers["list-unsubscribe-post"]);
        Assert.Equal("AMAKS Staraya Russa promotions <promotions.staraya-russa.test>", headers["list-id"]);
        Assert.Matches("^<[^@<>]+@staraya-russa\\.test>$", headers["message-id"]);
        Assert.NotEqual(headers["message-id"], (await Subscribing.HeadersAsync(email, EnglishConfirmSubject))["message-id"]);
        Assert.Equal(1, (await site.HistoryAsync(subscriber!.Id)).Count(k => k == SubscriberEventKind.Confirmed));
    }

    [Theory]
    [InlineData("/newsletter/confirm?token=forged", "Ссылка не действует")]
    [InlineData("/newsletter/confirm", "Ссылка не действует")]
    [InlineData("/en/newsletter/confirm?token=CfDJ8AAAAAAAAAAAAAAAAAAAAAA", "This link does not work")]
    public async Task A_forged_or_damaged_confirmation_link_gets_a_clear_page(string path, string heading)
    {
        var client = site.CreateVisitor();

        var (response, page) = await client.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(heading, page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_unsubscribe_link_shows_a_button_and_only_the_button_unsubscribes()
    {
        var client = site.CreateVisitor();
        var email = await ConfirmedSubscriberAsync(client, "/");
        var link = (await Subscribing.WaitForMailAsync(email, RussianWelcomeSubject)).LinkTo("/newsletter/unsubscribe");

        var (opened, page) = await client.GetPageAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(SubscriberStatus.Confirmed, (await site.SubscriberAsync(email))?.Status);
        var response = await client.SubmitAsync(page.UnsubscribeForm(), []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Вы отписались", (await response.ParseAsync()).QuerySelector("h1")?.TextContent.Trim());
        var subscriber = await site.SubscriberAsync(email);
        Assert.Equal(SubscriberStatus.Unsubscribed, subscriber?.Status);
        Assert.NotNull(subscriber?.UnsubscribedAt);

        var twice = await client.SubmitAsync(page.UnsubscribeForm(), []);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(1, (await site.HistoryAsync(subscriber!.Id)).Count(k => k == SubscriberEventKind.Unsubscribed));
    }

    [Fact]
    public async Task The_one_click_post_of_a_mail_program_unsubscribes_without_cookies_or_token()
    {
        var client = site.CreateVisitor();
        var email = await ConfirmedSubscriberAsync(client, "/en/");
        await Subscribing.WaitForMailAsync(email, EnglishWelcomeSubject);
        var headers = await Subscribing.HeadersAsync(email, EnglishWelcomeSubject);
        var target = new Uri(headers["list-unsubscribe"].Trim('<', '>'));

        using var mailProgram = site.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        var response = await mailProgram.PostAsync(
            target.PathAndQuery,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await site.SubscriberAsync(email))?.Status);
    }

    [Fact]
    public async Task A_forged_unsubscribe_link_changes_nothing()
    {
        var client = site.CreateVisitor();

        var response = await client.PostAsync("/newsletter/unsubscribe?token=forged", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Ссылка не действует", (await response.ParseAsync()).QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task Subscribing_again_after_unsubscribing_needs_a_new_confirmation_and_the_old_link_no_longer_confirms()
    {
        var client = site.CreateVisitor();
        var email = await ConfirmedSubscriberAsync(client, "/");
        var oldConfirm = (await Subscribing.WaitForMailAsync(email, RussianConfirmSubject)).LinkTo("/newsletter/confirm");
        var unsubscribe = (await Subscribing.WaitForMailAsync(email, RussianWelcomeSubject)).LinkTo("/newsletter/unsubscribe");
        await client.PostAsync(unsubscribe.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        await client.SubscribeAsync("/", email);

        Assert.Equal(SubscriberStatus.Pending, (await site.SubscriberAsync(email))?.Status);
        var (old, _) = await client.GetPageAsync(oldConfirm.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Equal(SubscriberStatus.Pending, (await site.SubscriberAsync(email))?.Status);
        var confirmations = await Subscribing.WaitForMailsAsync(email, RussianConfirmSubject, 2);
        var fresh = confirmations.Select(m => m.LinkTo("/newsletter/confirm")).Single(l => l != oldConfirm);
        var (confirmed, _) = await client.GetPageAsync(fresh.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(SubscriberStatus.Confirmed, (await site.SubscriberAsync(email))?.Status);
    }

    [Fact]
    public async Task An_internationalised_address_is_accepted_and_mailed()
    {
        var client = site.CreateVisitor();
        var local = $"ivanov-{Guid.NewGuid():N}";

        await client.SubscribeAsync("/", local + "@Почта.РФ");

        Assert.Equal(SubscriberStatus.Pending, (await site.SubscriberAsync(local + "@почта.рф"))?.Status);
        // MailDev takes SMTPUTF8, so MailKit gives it the domain in Unicode (a server without it would get xn--80a1acny.xn--p1ai).
        var mail = await Subscribing.WaitForMailAsync(local + "@почта.рф", RussianConfirmSubject);
        Assert.Contains(local + "@почта.рф", mail.Text, StringComparison.Ordinal);
    }

    private static async Task<string> ConfirmedSubscriberAsync(HttpClient client, string page)
    {
        var email = MailDev.NewAddress("leaving");
        await client.SubscribeAsync(page, email);
        var subject = page == "/" ? RussianConfirmSubject : EnglishConfirmSubject;
        var confirm = (await Subscribing.WaitForMailAsync(email, subject)).LinkTo(page == "/" ? "/newsletter/confirm" : "/en/newsletter/confirm");
        await client.GetAsync(confirm.PathAndQuery);
        return email;
    }
}
