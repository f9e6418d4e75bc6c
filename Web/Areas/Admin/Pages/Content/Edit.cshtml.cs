using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Content;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Areas.Admin.Pages.Content;

/// <summary>Write a page in both languages side by side; save a draft, preview, publish, schedule, unpublish.</summary>
public sealed class EditModel(
    ContentEditor editor,
    ContentSchedule schedule,
    SanatoriumDbContext db,
    ContentRenderer markdown,
    TimeProvider time,
    IStringLocalizer<AdminResource> text,
    IStringLocalizer<ScheduleResource> scheduleText) : ContentPageModel
{
    [BindProperty]
    public DraftForm Input { get; set; } = new();

    [FromRoute]
    public int? Id { get; set; }

    /// <summary>A new picture, if the kind has one and the editor chose one.</summary>
    [BindProperty]
    public IFormFile? Image { get; set; }

    [BindProperty]
    public bool RemoveImage { get; set; }

    public IContentEntity? Entity { get; private set; }

    public IReadOnlyDictionary<Language, TranslationStatus> Statuses { get; private set; } = new Dictionary<Language, TranslationStatus>();

    /// <summary>The profiles the content can belong to, when its kind has a profile: id and title.</summary>
    public IReadOnlyList<(int Id, string Title)> Profiles { get; private set; } = [];

    /// <summary>Shown when someone else saved since this editor started.</summary>
    public ContentRevision? Conflict { get; private set; }

    /// <summary>The newest revision, when it differs from what visitors see and can be discarded; null otherwise.</summary>
    public int? Discardable { get; private set; }

    /// <summary>The publication scheduled for this page; null when there is none.</summary>
    public ScheduledPublication? Scheduled { get; private set; }

    /// <summary>The newest revision, when it differs from what visitors see and can be scheduled; null otherwise.</summary>
    public int? Schedulable { get; private set; }

    /// <summary>When to publish, resort time, as a datetime-local field gives it.</summary>
    [BindProperty]
    public string? PublishAt { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? await ShowAsync(cancellationToken) : NotFound();

    public Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken) =>
        SaveAsync(publish: false, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken) =>
        SaveAsync(publish: true, cancellationToken);

    public async Task<IActionResult> OnPostUnpublishAsync(string language, CancellationToken cancellationToken)
    {
        if (Id is not { } id || !Languages.TryParse(language, out var lang))
        {
            return NotFound();
        }

        var result = await editor.UnpublishAsync(Kind, id, lang, StaffName, cancellationToken);
        if (result.Outcome == EditOutcome.NotFound)
        {
            return NotFound();
        }

        StatusMessage = text["Unpublished", text["Language_" + lang.Code()]];
        return Redirect(Section.EditPath(id));
    }

    /// <summary>Publishes the newest revision, <paramref name="revision"/>, exactly as saved, at <see cref="PublishAt"/>.</summary>
    public async Task<IActionResult> OnPostScheduleAsync(int revision, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Id is not { } id || Entity is null)
        {
            return NotFound();
        }

        var at = ResortClock.ParseInput(PublishAt);
        var outcome = at is null ? (ScheduleOutcome?)null : await schedule.ScheduleAsync(Kind, id, revision, at.Value, StaffName, cancellationToken);
        switch (outcome)
        {
            case ScheduleOutcome.Scheduled:
                StatusMessage = scheduleText["Scheduled", revision, ResortClock.Format(at!.Value)];
                return Redirect(Section.EditPath(id));
            case ScheduleOutcome.NotFound:
                return NotFound();
        }

        ModelState.AddModelError(nameof(PublishAt), outcome switch
        {
            ScheduleOutcome.InPast => scheduleText["ScheduleInPast", ResortClock.Format(time.GetUtcNow())],
            ScheduleOutcome.NothingToPublish => scheduleText["NothingToSchedule"],
            ScheduleOutcome.Stale => scheduleText["ScheduleStale"],
            _ => scheduleText["ScheduleInvalid"],
        });
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostUnscheduleAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Id is not { } id || Entity is null)
        {
            return NotFound();
        }

        StatusMessage = await schedule.UnscheduleAsync(Kind, id, StaffName, cancellationToken)
            ? scheduleText["Unscheduled"]
            : scheduleText["NotScheduled"];
        return Redirect(Section.EditPath(id));
    }

    /// <summary>Back to the published text: it is saved as the newest draft over <paramref name="revision"/>.</summary>
    public async Task<IActionResult> OnPostDiscardAsync(int revision, CancellationToken cancellationToken)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }

        var result = await editor.DiscardAsync(Kind, id, revision, StaffName, cancellationToken);
        if (result.Outcome == EditOutcome.NotFound)
        {
            return NotFound();
        }

        StatusMessage = result.Outcome == EditOutcome.Saved ? text["DraftDiscarded"] : text["DiscardConflict"];
        if (result.CancelledSchedule is { } cancelled)
        {
            StatusMessage += " " + scheduleText["ScheduleCancelledBySave", ResortClock.Format(cancelled.PublishAt)];
        }
        return Redirect(Section.EditPath(id));
    }

    private async Task<IActionResult> SaveAsync(bool publish, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var previousImage = Input.Shared.GetValueOrDefault(ContentFields.ImageId);
        var picture = Description.HasPicture ? await TakeImageAsync(cancellationToken) : null;
        var draft = Input.ToDraft(Description, ModelState, text, markdown);
        await CheckReferencesAsync(picture, cancellationToken);
        var saved = draft is null || !ModelState.IsValid
            ? null
            : await editor.SaveAsync(Kind, Id, new DraftSubmission(draft, Input.BaseRevision, publish, picture), StaffName, cancellationToken);
        switch (saved?.Outcome)
        {
            case EditOutcome.Saved:
                StatusMessage = text[publish ? "Published" : "SavedDraft", saved.Revision!.Number];
                if (saved.CancelledSchedule is { } cancelled)
                {
                    StatusMessage += " " + scheduleText["ScheduleCancelledBySave", ResortClock.Format(cancelled.PublishAt)];
                }

                return Redirect(Section.EditPath(saved.Revision.EntityId));
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Conflict:
                // Keep what this editor typed; saving again puts it on top of the other version (which stays in the history).
                Conflict = saved.Revision;
                Input.BaseRevision = saved.Revision?.Number ?? 0;
                ModelState.Remove("Input.BaseRevision");
                break;
            case EditOutcome.SlugTaken:
                foreach (var language in saved.Languages)
                {
                    ModelState.AddModelError(DraftForm.Name(language, ContentFields.Slug), text["SlugTaken"]);
                }

                break;
        }

        // Shown again as typed; a new picture was not stored, so the editor chooses it again.
        Input.Shared[ContentFields.ImageId] = previousImage;
        return Page();
    }

    /// <summary>The profile and the picture the content names must exist.</summary>
    private async Task CheckReferencesAsync(MediaFile? picture, CancellationToken cancellationToken)
    {
        if (Description.HasProfile
            && !Profiles.Any(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == Input.Shared.GetValueOrDefault(ContentFields.ProfileId)))
        {
            ModelState.AddModelError(DraftForm.SharedName(ContentFields.ProfileId), text["ProfileRequired"]);
        }

        if (Description.HasPicture
            && Input.Shared.GetValueOrDefault(ContentFields.ImageId) is { Length: > 0 } image
            && image != picture?.Id.ToString()
            && !(Guid.TryParse(image, out var id) && await db.MediaFiles.AnyAsync(m => m.Id == id, cancellationToken)))
        {
            ModelState.AddModelError(nameof(Image), text["ImageUnknown"]);
        }
    }

    /// <summary>
    /// The picture the editor uploaded, checked by its bytes (PNG, JPEG or WebP, at most 2 MB) and
    /// put into the form's shared fields; or the picture removed. It is stored with the revision, if the whole form is valid.
    /// </summary>
    private async Task<MediaFile?> TakeImageAsync(CancellationToken cancellationToken)
    {
        if (RemoveImage)
        {
            Input.Shared[ContentFields.ImageId] = "";
        }

        if (Image is not { Length: > 0 })
        {
            return null;
        }

        if (Image.Length > MediaFile.MaxBytes)
        {
            ModelState.AddModelError(nameof(Image), text["ImageTooLarge"]);
            return null;
        }

        using var buffer = new MemoryStream();
        await Image.CopyToAsync(buffer, cancellationToken);
        var data = buffer.ToArray();
        if (MediaFile.SniffImageType(data) is not { } type)
        {
            ModelState.AddModelError(nameof(Image), text["ImageType"]);
            return null;
        }

        var file = new MediaFile(type, data, time.GetUtcNow(), StaffName);
        Input.Shared[ContentFields.ImageId] = file.Id.ToString();
        return file;
    }

    /// <summary>Loads what the form shows besides the fields; false when the page does not exist.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Entity = await editor.FindAsync(Kind, id, cancellationToken);
            if (Entity is null)
            {
                return false;
            }

            var latest = await editor.LatestAsync(Kind, id, cancellationToken);
            var now = time.GetUtcNow();
            Statuses = Languages.All.ToDictionary(l => l, l => TranslationStatuses.Of(Entity, latest?.Draft, l, now));
            var unpublished = latest is not null && !latest.Draft.SameAs(Entity.ToDraft());
            Discardable = unpublished && Entity.Translations.Any() ? latest!.Number : null;
            Schedulable = unpublished ? latest!.Number : null;
            Scheduled = await schedule.FindAsync(Kind, id, cancellationToken);
        }

        if (Description.HasProfile)
        {
            var profiles = await db.Profiles.OrderBy(p => p.SortOrder)
                .Select(p => new { p.Id, Titles = p.Translations.Select(t => new { t.Language, t.Title }).ToList() })
                .ToListAsync(cancellationToken);
            var lang = SiteLanguage.Current;
            Profiles = profiles
                .Select(p => (p.Id, p.Titles.OrderBy(t => t.Language == lang ? 0 : 1).Select(t => t.Title).FirstOrDefault() ?? $"#{p.Id}"))
                .ToList();
        }

        return true;
    }

    /// <summary>The form with the newest revision (or what visitors see, or a new page's defaults).</summary>
    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var latest = Id is { } id ? await editor.LatestAsync(Kind, id, cancellationToken) : null;
        Input = DraftForm.From(latest?.Draft ?? Entity?.ToDraft() ?? NewDraft(), latest?.Number ?? 0);
        return Page();
    }

    private Draft NewDraft()
    {
        var draft = new Draft { Shared = { [ContentFields.SortOrder] = "0" } };
        if (Description.HasDates)
        {
            var today = ResortClock.Today(time);
            draft.Shared[ContentFields.StartsOn] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            draft.Shared[ContentFields.EndsOn] = today.AddMonths(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Description.HasProfile && Profiles.Count > 0)
        {
            draft.Shared[ContentFields.ProfileId] = Profiles[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return draft;
    }
}
