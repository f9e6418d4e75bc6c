using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Subscribers;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Areas.Admin.Pages.Marketing.Imports;

/// <summary>
/// Uploading a CSV file of subscribers. The body is streamed to disk by <see cref="ImportUpload"/>,
/// which checks the antiforgery token itself (the framework's check would read the whole form first);
/// a file that is empty, binary or not UTF-8 is refused here with a message, and a good one leads to
/// its preview and column mapping.
/// </summary>
[StreamedUpload]
[IgnoreAntiforgeryToken]
public sealed class NewModel(ImportUpload upload, SanatoriumDbContext db, TimeProvider time, IStringLocalizer<ImportResource> text) : AdminPageModel
{
    public string? Problem { get; private set; }

    public string MaxSize => ImportSizes.Format(upload.MaxFileBytes, text);

    public void OnGet()
    {
    }

    /// <summary>
    /// Takes no parameters and binds no properties: binding anything would make MVC read the whole
    /// form (the file included) before the handler runs.
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var outcome = await upload.SaveAsync(HttpContext, cancellationToken);
        if (outcome.StoredPath is null && outcome.Problem is null)
        {
            return StatusCode(outcome.Status);
        }

        var problem = outcome.Problem;
        ImportPreview? preview = null;
        if (outcome.StoredPath is { } path && problem is null)
        {
            (preview, var fileProblem) = await ImportPreview.ReadAsync(path, null, cancellationToken);
            problem = fileProblem == ImportFileProblem.None ? null : "File" + fileProblem;
        }

        if (preview is null)
        {
            if (outcome.StoredPath is not null)
            {
                System.IO.File.Delete(outcome.StoredPath);
            }

            // The form again, with what was wrong (and 413 for a file over the limit).
            Problem = problem == "FileTooLarge" ? text[problem, MaxSize] : text[problem!];
            Response.StatusCode = outcome.Status;
            return Page();
        }

        var import = new SubscriberImport(StaffName, time.GetUtcNow(), outcome.FileName, outcome.StoredPath!, outcome.Bytes)
        {
            Delimiter = preview.Delimiter,
            HasHeader = preview.HasHeader,
            EmailColumn = preview.EmailColumn ?? 0,
            LanguageColumn = preview.LanguageColumn,
            NameColumn = preview.NameColumn,
        };
        db.SubscriberImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("./Details", new { id = import.Id });
    }
}
