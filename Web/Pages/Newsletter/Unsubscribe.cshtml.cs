using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sanatorium.Infrastructure.Subscribers;
using Sanatorium.Web.Newsletter;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Pages.Newsletter;

/// <summary>
/// The unsubscribe link of every newsletter. GET only shows a button, so a mail scanner that opens
/// links unsubscribes nobody; POST to the same address unsubscribes: the button's, and the RFC 8058
/// one-click POST a mail program sends (body <c>List-Unsubscribe=One-Click</c>, no cookies, no
/// antiforgery token). The signed token in the address is the whole proof.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(
    Subscriptions subscriptions,
    SubscriptionLinks links,
    IStringLocalizer<NewsletterResource> text) : SitePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Done { get; private set; }

    public bool Invalid { get; private set; }

    public void OnGet() => Describe(links.ReadUnsubscribe(Token) is not null, done: false);

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        var subscriberId = links.ReadUnsubscribe(Token);
        if (subscriberId is { } id)
        {
            var oneClick = Request.HasFormContentType && Request.Form["List-Unsubscribe"] == "One-Click";
            await subscriptions.UnsubscribeAsync(id, oneClick ? "one-click" : "unsubscribe page", cancellationToken);
        }

        Describe(subscriberId is not null, done: true);
    }

    private void Describe(bool valid, bool done)
    {
        Invalid = !valid;
        Done = valid && done;
        if (Invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        var heading = Invalid ? text["InvalidLinkTitle"] : text[Done ? "UnsubscribedTitle" : "UnsubscribeTitle"];
        Meta = new PageMeta(heading, heading, SiteUrls.Everywhere(NewsletterUrls.Form), NoIndex: true);
    }
}
