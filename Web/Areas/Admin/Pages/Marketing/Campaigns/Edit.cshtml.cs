using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Content;
using Sanatorium.Core.Newsletters;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Newsletters;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Marketing;
using Sanatorium.Web.Newsletter;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Areas.Admin.Pages.Marketing.Campaigns;

/// <summary>
/// A draft or scheduled campaign: write it in both languages, preview, test-send, send now, schedule,
/// unschedule, delete. Every form carries the campaign's row version, so a form older than the last
/// change is refused rather than written over it or sent (docs/decisions/0022-newsletter-campaigns.md).
/// </summary>
public sealed class EditModel(
    SanatoriumDbContext db,
    AuditLog audit,
    CampaignMails mails,
    CampaignLedger ledger,
    ContentRenderer markdown,
    TimeProvider time,
    IStringLocalizer<CampaignResource> text) : AdminPageModel
{
    /// <summary>The most addresses one test-send takes.</summary>
    public const int MaxTestAddresses = 5;

    /// <summary>The campaign's shadow property for PostgreSQL's xmin (CampaignConfiguration).</summary>
    private const string RowVersion = "Version";

    [BindProperty]
    public CampaignForm Input { get; set; } = new();

    /// <summary>The campaign's row version (PostgreSQL xmin) when the form was shown.</summary>
    [BindProperty]
    public uint Version { get; set; }

    [BindProperty]
    public string? TestAddresses { get; set; }

    [BindProperty]
    public string? TestLanguage { get; set; }

    /// <summary>When to send, resort time, as a datetime-local field gives it.</summary>
    [BindProperty]
    public string? SendAt { get; set; }

    public Campaign Campaign { get; private set; } = null!;

    /// <summary>The promotions that can be shown as cards: running or upcoming ones, and those already chosen.</summary>
    public IReadOnlyList<PromotionChoice> Promotions { get; private set; } = [];

    /// <summary>Set when someone changed the campaign after this form was shown: nothing was saved.</summary>
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await LoadWithPromotionsAsync(id, cancellationToken) is not { } campaign)
        {
            return NotFound();
        }

        if (campaign.Status is not (CampaignStatus.Draft or CampaignStatus.Scheduled))
        {
            return Redirect(CampaignUrls.For(id, campaign.Status));
        }

        Input = CampaignForm.From(campaign);
        Version = db.Entry(campaign).Property<uint>(RowVersion).CurrentValue;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(long id, CancellationToken cancellationToken)
    {
        if (await LoadWithPromotionsAsync(id, cancellationToken) is not { } campaign)
        {
            return NotFound();
        }

        if (!campaign.IsEditable)
        {
            return Done(campaign, text["NotDraft"]);
        }

        if (StaleForm)
        {
            return ConflictPage();
        }

        if (!Input.Check(ModelState, text, markdown, Promotions.Select(p => p.Id).ToList(), out var audience))
        {
            return Page();
        }

        Input.ApplyTo(campaign, audience);
        Touch(campaign);
        audit.Record(StaffName, AuditActions.CampaignSaved, CampaignUrls.Target(id), campaign.Name);
        return await SaveAsync(campaign, cancellationToken) ? Done(campaign, text["Saved"]) : ConflictPage();
    }

    public async Task<IActionResult> OnPostTestAsync(long id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } campaign)
        {
            return NotFound();
        }

        if (ReadTestAddresses() is not { } addresses)
        {
            return Done(campaign, text["TestAddressesInvalid", MaxTestAddresses]);
        }

        if (!Languages.TryParse(TestLanguage, out var language) || !campaign.AudienceLanguages.Contains(language))
        {
            return Done(campaign, text["ChooseTestLanguage"]);
        }

        if (campaign.MissingTranslations().Contains(language))
        {
            return Done(campaign, text["TestTranslationMissing", LanguageName(language)]);
        }

        await mails.AddTestAsync(campaign, language, addresses, cancellationToken);
        audit.Record(StaffName, AuditActions.CampaignTestSent, CampaignUrls.Target(id), language.Code() + ": " + string.Join(", ", addresses));
        await db.SaveChangesAsync(cancellationToken);
        return Done(campaign, text["TestSent", LanguageName(language), string.Join(", ", addresses)]);
    }

    public async Task<IActionResult> OnPostSendAsync(long id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } campaign)
        {
            return NotFound();
        }

        if (await RenderAsync(campaign, _ => { }, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (await ledger.StartAsync(id, CampaignStatus.Draft, cancellationToken) is not { } recipients)
        {
            return Done(campaign, text["Moved"]);
        }

        audit.Record(StaffName, AuditActions.CampaignStarted, CampaignUrls.Target(id), recipients.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = text["Started", recipients];
        return Redirect(CampaignUrls.Progress(id));
    }

    public async Task<IActionResult> OnPostScheduleAsync(long id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } campaign)
        {
            return NotFound();
        }

        if (ResortClock.ParseInput(SendAt) is not { } at)
        {
            return Done(campaign, text["ScheduleInvalid"]);
        }

        if (at <= time.GetUtcNow())
        {
            return Done(campaign, text["ScheduleInPast", ResortClock.Format(time.GetUtcNow())]);
        }

        var refusal = await RenderAsync(
            campaign,
            scheduled =>
            {
                scheduled.TryMove(CampaignStatus.Scheduled);
                scheduled.ScheduledAt = at;
                audit.Record(StaffName, AuditActions.CampaignScheduled, CampaignUrls.Target(id), ResortClock.Format(at));
            },
            cancellationToken);
        return refusal ?? Done(campaign, text["Scheduled", ResortClock.Format(at)]);
    }

    public async Task<IActionResult> OnPostUnscheduleAsync(long id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } campaign)
        {
            return NotFound();
        }

        if (!await ledger.MoveAsync(id, CampaignStatus.Draft, cancellationToken))
        {
            return Done(campaign, text["Moved"]);
        }

        await audit.RecordNowAsync(StaffName, AuditActions.CampaignUnscheduled, CampaignUrls.Target(id));
        StatusMessage = text["Unscheduled"];
        return Redirect(CampaignUrls.Edit(id));
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } campaign)
        {
            return NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Campaigns.Where(c => c.Id == id && c.Status == CampaignStatus.Draft).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return Done(campaign, text["NotDraft"]);
        }

        db.ChangeTracker.Clear();
        audit.Record(StaffName, AuditActions.CampaignDeleted, CampaignUrls.Target(id), campaign.Name);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        StatusMessage = text["Deleted", campaign.Name];
        return Redirect(CampaignUrls.List);
    }

    public string LanguageName(Language language) => text["Language_" + language.Code()];

    /// <summary>
    /// Renders a draft for sending and saves it with <paramref name="change"/>, in one transaction
    /// checked against the form's row version; the answer to show instead when it is not a draft, a
    /// translation is missing or the form is stale, null when it was saved.
    /// </summary>
    private async Task<IActionResult?> RenderAsync(Campaign campaign, Action<Campaign> change, CancellationToken cancellationToken)
    {
        if (campaign.Status != CampaignStatus.Draft)
        {
            return Done(campaign, text["NotDraft"]);
        }

        if (campaign.MissingTranslations() is { Count: > 0 } missing)
        {
            return Done(campaign, text["TranslationsMissing", string.Join(", ", missing.Select(LanguageName))]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await mails.RenderForSendingAsync(campaign, cancellationToken);
        change(campaign);
        Touch(campaign);
        if (!await SaveAsync(campaign, cancellationToken))
        {
            return Done(campaign, text["Stale"]);
        }

        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Saves, unless the campaign changed since the form's <see cref="Version"/> (or the form's version is not one): false then, and nothing is written.</summary>
    private async Task<bool> SaveAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        if (StaleForm)
        {
            return false;
        }

        db.Entry(campaign).Property<uint>(RowVersion).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>The form's row version is not a number (a damaged or forged form): treated as stale.</summary>
    private bool StaleForm => ModelState.GetFieldValidationState(nameof(Version)) == ModelValidationState.Invalid;

    /// <summary>The form again as typed, with the notice that someone else changed the campaign; nothing was saved.</summary>
    private PageResult ConflictPage()
    {
        Conflict = true;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private void Touch(Campaign campaign)
    {
        campaign.UpdatedBy = StaffName;
        campaign.UpdatedAt = time.GetUtcNow();
    }

    private RedirectResult Done(Campaign campaign, string message)
    {
        StatusMessage = message;
        return Redirect(CampaignUrls.For(campaign.Id, campaign.Status));
    }

    /// <summary>The campaign, tracked; null when there is no such campaign.</summary>
    private async Task<Campaign?> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign)
        {
            return null;
        }

        Campaign = campaign;
        return campaign;
    }

    /// <summary>The campaign with the promotions the form offers (what the editor shows and a save checks its choice against).</summary>
    private async Task<Campaign?> LoadWithPromotionsAsync(long id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } campaign)
        {
            return null;
        }

        var (visible, today, chosen, language) = (
            Translation.VisibleAt<PromotionTranslation>(time.GetUtcNow()), ResortClock.Today(time), campaign.PromotionIds, SiteLanguage.Current);
        var promotions = await db.Promotions.AsNoTracking()
            .Where(p => (p.EndsOn >= today || chosen.Contains(p.Id)) && p.Translations.AsQueryable().Any(visible))
            .OrderBy(p => p.StartsOn)
            .Select(p => new
            {
                p.Id,
                p.StartsOn,
                p.EndsOn,
                Titles = p.Translations.AsQueryable().Where(visible).Select(t => new { t.Language, t.Title }).ToList(),
            })
            .ToListAsync(cancellationToken);
        Promotions = promotions
            .Select(p => new PromotionChoice(
                p.Id,
                (p.Titles.Find(t => t.Language == language) ?? p.Titles[0]).Title,
                string.Join(", ", p.Titles.Select(t => t.Language.Code())),
                p.StartsOn,
                p.EndsOn))
            .ToList();
        return campaign;
    }

    /// <summary>The test addresses, normalized: one to <see cref="MaxTestAddresses"/> valid ones, separated by commas, semicolons, spaces or lines; null otherwise.</summary>
    private List<string>? ReadTestAddresses()
    {
        var parts = (TestAddresses ?? "").Split([',', ';', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > MaxTestAddresses)
        {
            return null;
        }

        var addresses = new List<string>();
        foreach (var part in parts)
        {
            if (!SubscriberEmail.TryNormalize(part, out var address))
            {
                return null;
            }

            addresses.Add(address);
        }

        return addresses.Distinct().ToList();
    }
}

/// <summary>A promotion the editor offers as a card: its title in the back office's language (or the other), the languages it is published in, its dates.</summary>
public sealed record PromotionChoice(int Id, string Title, string Languages, DateOnly StartsOn, DateOnly EndsOn);
