using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Sanatorium.Web.Tests.Infrastructure;
using Sanatorium.Web.Tests.Marketing;

namespace Sanatorium.Web.Tests.Newsletter;

/// <summary>
/// One visitor's way through the newsletter as a marketer sees it in the back office: pending after
/// the form, confirmed after the link (with the mails that went out), unsubscribed after the
/// one-click POST of their mail program.
/// </summary>
public sealed class SubscriberJourneyTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Each_step_of_a_subscription_shows_in_the_back_office()
    {
        var visitor = site.CreateVisitor();
        var email = MailDev.NewAddress("journey");
        var marketer = await site.LogInAsync(await site.CreateAsync(MailDev.NewAddress("marketer"), "Marketer"));

        await visitor.SubscribeAsync("/en/", email);
        var id = (await site.SubscriberAsync(email))!.Id;
        var detail = $"/admin/marketing/subscribers/{id}";
        var (_, list) = await marketer.GetPageAsync("/admin/marketing/subscribers?q=" + Uri.EscapeDataString(email));
        var (_, pending) = await marketer.GetPageAsync(detail);

        Assert.Contains(email, list.QuerySelector("main table")?.TextContent);
        Assert.NotNull(pending.QuerySelector(".badge.status-pending"));
        Assert.Contains("/en/", pending.QuerySelector("dl.consent")?.TextContent);

        var confirmation = await Subscribing.WaitForMailAsync(email, "Confirm your subscription to the Staraya Russa resort's newsletter");
        await visitor.GetAsync(confirmation.LinkTo("/en/newsletter/confirm").PathAndQuery);
        var welcome = await Subscribing.WaitForMailAsync(email, "You are subscribed to the Staraya Russa resort's newsletter");
        var confirmed = await WaitForPageAsync(marketer, detail, page => page.QuerySelectorAll("table.mails-sent tbody tr").Length == 2);

        Assert.NotNull(confirmed.QuerySelector(".badge.status-confirmed"));
        Assert.Equal(
            [confirmation.Subject, welcome.Subject],
            confirmed.QuerySelectorAll("table.mails-sent tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).Order());

        var mailProgram = site.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var oneClick = await mailProgram.PostAsync(
            welcome.LinkTo("/en/newsletter/unsubscribe").PathAndQuery,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        var (_, left) = await marketer.GetPageAsync(detail);

        Assert.True(oneClick.IsSuccessStatusCode, $"The one-click unsubscribe answered {oneClick.StatusCode}.");
        Assert.NotNull(left.QuerySelector(".badge.status-unsubscribed"));
        Assert.Equal(
            ["подписался", "подтвердил подписку", "отписан"],
            left.QuerySelectorAll("table.history tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim())
                .Where(kind => kind != "отправлено письмо"));
    }

    /// <summary>The page once <paramref name="ready"/> holds (mail is marked sent a moment after MailDev has it).</summary>
    private static async Task<AngleSharp.Dom.IDocument> WaitForPageAsync(HttpClient client, string path, Func<AngleSharp.Dom.IDocument, bool> ready)
    {
        AngleSharp.Dom.IDocument? page = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                (var response, page) = await client.GetPageAsync(path);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return ready(page);
            },
            $"{path} shows what was expected");
        return page!;
    }
}
