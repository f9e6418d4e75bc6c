using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Sanatorium.Core.Subscribers;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Newsletter;

/// <summary>The newsletter form as a visitor's browser sends it, and what the site stored and mailed because of it.</summary>
internal static class Subscribing
{
    /// <summary>
    /// Opens <paramref name="page"/> and sends the newsletter form in its footer (consent ticked unless
    /// <paramref name="consent"/> is false) with the page as Referer, as a browser does.
    /// </summary>
    public static async Task<HttpResponseMessage> SubscribeAsync(
        this HttpClient client,
        string page,
        string email,
        bool consent = true,
        Dictionary<string, string>? values = null,
        Action<HttpRequestMessage>? adjust = null)
    {
        var (_, document) = await client.GetPageAsync(page);
        var form = document.Form("form.newsletter");
        form.Tick("Consent", consent ? ["true"] : []);
        var fields = new Dictionary<string, string>(values ?? []) { ["Email"] = email };
        using var request = new HttpRequestMessage(HttpMethod.Post, form.Target())
        {
            Content = new FormUrlEncodedContent(form.Fields(fields)),
        };
        request.Headers.Referrer = new Uri(client.BaseAddress!, page);
        adjust?.Invoke(request);
        return await client.SendAsync(request);
    }

    public static Task<Subscriber?> SubscriberAsync(this SiteFactory site, string email) =>
        site.WithDbAsync(db => db.Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Email == email));

    public static Task<List<SubscriberEventKind>> HistoryAsync(this SiteFactory site, long subscriberId) =>
        site.WithDbAsync(db => db.SubscriberEvents.Where(e => e.SubscriberId == subscriberId).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());

    /// <summary>Mails made for a subscriber: still in the outbox, or sent (the sender deletes the row and adds a MailSent line to their history).</summary>
    public static Task<int> MailsMadeForAsync(this SiteFactory site, long subscriberId) =>
        site.WithDbAsync(async db =>
        {
            // Both counts from one snapshot: the outbox sender turns a waiting message into a MailSent
            // event in one transaction, which two snapshots in a row could each count once.
            await using var snapshot = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
            return await db.OutboxMessages.CountAsync(m => m.SubscriberId == subscriberId)
                + await db.SubscriberEvents.CountAsync(e => e.SubscriberId == subscriberId && e.Kind == SubscriberEventKind.MailSent);
        });

    /// <summary>The headers of the first message to <paramref name="to"/> whose subject is <paramref name="subject"/>, as MailDev received it (names in lower case).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> HeadersAsync(string to, string subject)
    {
        using var http = new HttpClient();
        var server = new Uri(Environment.GetEnvironmentVariable(MailDev.Variable)!);
        var all = await http.GetFromJsonAsync<List<JsonElement>>(new Uri(server, "/api/email"));
        var id = all!.First(m =>
            m.GetProperty("subject").GetString() == subject
            && m.GetProperty("to").EnumerateArray().Any(a => string.Equals(a.GetProperty("address").GetString(), to, StringComparison.OrdinalIgnoreCase)))
            .GetProperty("id").GetString();
        // The source as it came over SMTP: MailDev's parsed headers leave out the List-* ones. MimeKit puts Content-* with the body.
        await using var source = await http.GetStreamAsync(new Uri(server, $"/api/email/{id}/source"));
        var message = await MimeMessage.LoadAsync(source);
        return message.Headers.Concat(message.Body!.Headers).GroupBy(h => h.Field.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First().Value.Trim());
    }

    /// <summary>Waits until a mail to <paramref name="to"/> with <paramref name="subject"/> has arrived.</summary>
    public static async Task<ReceivedMail> WaitForMailAsync(string to, string subject) =>
        (await WaitForMailsAsync(to, subject, 1))[0];

    /// <summary>Waits until <paramref name="count"/> mails to <paramref name="to"/> with <paramref name="subject"/> have arrived.</summary>
    public static async Task<IReadOnlyList<ReceivedMail>> WaitForMailsAsync(string to, string subject, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var mails = (await MailDev.MailToAsync(to)).Where(m => m.Subject == subject).ToList();
            if (mails.Count >= count)
            {
                return mails;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{mails.Count} of {count} e-mails '{subject}' to {to} arrived within 30 s.");
            await Task.Delay(100);
        }
    }

    public static IHtmlFormElement UnsubscribeForm(this AngleSharp.Dom.IDocument page) => page.Form("main form");
}
