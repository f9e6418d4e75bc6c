using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Options;
using Sanatorium.Infrastructure.Subscribers;
using Sanatorium.Web.Admin.Accounts;
using Sanatorium.Web.Enquiries;
using Sanatorium.Web.Newsletter;
using Sanatorium.Web.Site;
using Sanatorium.Web.Site.OutputCaching;

namespace Sanatorium.Web.Pages.Enquiry;

/// <summary>
/// "Ask about a stay": the form (GET) and where it posts. Like the newsletter form it has no
/// antiforgery token; the cross-site check, the honeypot and the rate limit protect it
/// (docs/decisions/0019 and 0024). A valid enquiry is stored and mailed in one transaction.
/// </summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(RateLimits.Enquiry)]
[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class IndexModel(
    SanatoriumDbContext db,
    EnquiryIntake intake,
    IOptions<SiteOptions> site,
    TimeProvider time,
    IStringLocalizer<EnquiryResource> text) : SitePageModel
{
    [BindProperty]
    public EnquiryInput Input { get; set; } = new();

    /// <summary>The honeypot: hidden from people, filled in by bots that fill in every field.</summary>
    [BindProperty]
    public string? Website { get; set; }

    /// <summary>The published profiles in the page's language, for the "treatment of interest" choice.</summary>
    public IReadOnlyList<(int Id, string Title)> Profiles { get; private set; } = [];

    /// <summary>The message for each field that was wrong, by field name.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>The first day a stay can start: today in the resort's time zone.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>The form was refused because another site sent it.</summary>
    public bool CrossSiteRefused { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await DescribeAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Request.HasFormContentType)
        {
            return BadRequest();
        }

        await DescribeAsync(cancellationToken);
        if (CrossSite.IsCrossSite(Request, site.Value))
        {
            CrossSiteRefused = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (!string.IsNullOrEmpty(Website))
        {
            return Redirect(EnquiryUrls.Sent(Lang));
        }

        if (Input.Validate(Today, Profiles.Select(p => p.Id).ToList(), text, Errors) is not { } request)
        {
            return Page();
        }

        var consent = new Consent(
            CrossSite.RefererPath(Request, site.Value) ?? Request.Path.Value!,
            HttpContext.Connection.RemoteIpAddress?.ToString() ?? "");
        await intake.SubmitAsync(request, Lang, consent, cancellationToken);
        return Redirect(EnquiryUrls.Sent(Lang));
    }

    private async Task DescribeAsync(CancellationToken cancellationToken)
    {
        var (lang, visible) = (Lang, Translation.VisibleAt<ProfileTranslation>(time.GetUtcNow()));
        Today = ResortClock.Today(time);
        Profiles = (await db.Profiles
                .OrderBy(p => p.SortOrder)
                .SelectMany(p => p.Translations.AsQueryable().Where(visible).Where(t => t.Language == lang))
                .Select(t => new { t.ProfileId, t.Title })
                .ToListAsync(cancellationToken))
            .Select(p => (p.ProfileId, p.Title))
            .ToList();
        Meta = new PageMeta(text["FormTitle"], text["FormDescription"], SiteUrls.Everywhere(EnquiryUrls.Form));
    }
}
