using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Options;
using Sanatorium.Infrastructure.Subscribers;
using Sanatorium.Web.Admin.Accounts;
using Sanatorium.Web.Newsletter;
using Sanatorium.Web.Site;
using Sanatorium.Web.Site.OutputCaching;

namespace Sanatorium.Web.Pages.Newsletter;

/// <summary>
/// The subscription form on a page of its own (GET), and where every copy of it posts. Whatever the
/// state of the address, a valid subscription is answered with the same "check your inbox" page; the
/// form has no antiforgery token, so what protects it is the cross-site check, the honeypot, the rate
/// limit and the double opt-in (docs/decisions/0019-newsletter-subscription.md).
/// </summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(RateLimits.Newsletter)]
[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class IndexModel(
    Subscriptions subscriptions,
    SubscriptionMails mails,
    IOptions<SiteOptions> site,
    IStringLocalizer<NewsletterResource> text) : SitePageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Consent { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by bots that fill in every field.</summary>
    [BindProperty]
    public string? Website { get; set; }

    public NewsletterForm Form { get; private set; } = new(IdPrefix);

    /// <summary>The form was refused because another site sent it.</summary>
    public bool CrossSiteRefused { get; private set; }

    private const string IdPrefix = "subscribe";

    public void OnGet() => Describe();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Describe();
        if (!Request.HasFormContentType)
        {
            // What a browser sends for a form, and nothing else (antiforgery, which refuses the rest elsewhere, is off here).
            return BadRequest();
        }

        if (CrossSite.IsCrossSite(Request, site.Value))
        {
            CrossSiteRefused = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (!string.IsNullOrEmpty(Website))
        {
            return Redirect(NewsletterUrls.Sent(Lang));
        }

        var consented = Consent == "true";
        var valid = SubscriberEmail.TryNormalize(Email, out var address);
        if (!valid || !consented)
        {
            Form = new NewsletterForm(
                IdPrefix,
                Email?.Length <= SubscriberEmail.MaxLength ? Email : null,
                consented,
                valid ? null : text[string.IsNullOrWhiteSpace(Email) ? "EmailRequired" : "EmailInvalid"].Value,
                consented ? null : text["ConsentRequired"].Value);
            return Page();
        }

        var consent = new Consent(
            CrossSite.RefererPath(Request, site.Value) ?? Request.Path.Value!,
            HttpContext.Connection.RemoteIpAddress?.ToString() ?? "");
        await subscriptions.SubscribeAsync(address!, Lang, consent, mails.ConfirmationAsync, cancellationToken);
        return Redirect(NewsletterUrls.Sent(Lang));
    }

    private void Describe()
    {
        ViewData["NewsletterFormInMain"] = true;
        Meta = new PageMeta(text["PageTitle"], text["PageDescription"], SiteUrls.Everywhere(NewsletterUrls.Form), NoIndex: true);
    }
}
