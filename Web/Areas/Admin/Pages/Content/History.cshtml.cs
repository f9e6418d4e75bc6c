using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sanatorium.Infrastructure.Content;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Content;

namespace Sanatorium.Web.Areas.Admin.Pages.Content;

/// <summary>Every saved revision of a page: who and when, what changed, and restoring one as a new draft.</summary>
public sealed class HistoryModel(ContentEditor editor, IStringLocalizer<AdminResource> text) : ContentPageModel
{
    [FromRoute]
    public int Id { get; set; }

    /// <summary>The revision whose changes (against the one before it, or the published text for the first) are shown.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Show { get; set; }

    public IReadOnlyList<RevisionSummary> Revisions { get; private set; } = [];

    public IReadOnlyList<RevisionDiff.FieldChange> Changes { get; private set; } = [];

    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var entity = await editor.FindAsync(Kind, Id, cancellationToken);
        if (entity is null)
        {
            return NotFound();
        }

        Revisions = await editor.HistoryAsync(Kind, Id, cancellationToken);
        Title = entity.Translations.Select(t => t.Title).FirstOrDefault() ?? $"#{Id}";
        Show ??= Revisions.Count > 0 ? Revisions[0].Number : null;
        if (Show is { } number && await editor.ChangeAsync(Kind, Id, number, cancellationToken) is { } change)
        {
            Changes = RevisionDiff.Between(Description, change.Before, change.After);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int number, CancellationToken cancellationToken)
    {
        var result = await editor.RestoreAsync(Kind, Id, number, StaffName, cancellationToken);
        if (result.Outcome == EditOutcome.NotFound)
        {
            return NotFound();
        }

        StatusMessage = result.Outcome == EditOutcome.Saved
            ? text["Restored", number, result.Revision!.Number]
            : text["RestoreConflict"];
        return Redirect(result.Outcome == EditOutcome.Saved ? Section.EditPath(Id) : Section.HistoryPath(Id));
    }
}
