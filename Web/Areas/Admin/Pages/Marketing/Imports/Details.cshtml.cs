using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Subscribers;
using Sanatorium.Web.Admin;

namespace Sanatorium.Web.Areas.Admin.Pages.Marketing.Imports;

/// <summary>
/// One import: while it waits for its mapping, a preview of the file's first rows and the choice of
/// columns and consent; once started, its progress (the page reloads itself while it runs, no
/// JavaScript needed); at the end, its counts and the refused rows, which can be downloaded.
/// </summary>
public sealed class DetailsModel(
    SanatoriumDbContext db,
    AuditLog audit,
    ImportWorker worker,
    IStringLocalizer<ImportResource> text) : AdminPageModel
{
    public const int BadRowsShown = 100;

    private const int RefreshSeconds = 2;

    public SubscriberImport Import { get; private set; } = null!;

    public ImportPreview? Preview { get; private set; }

    public IReadOnlyList<BadRow> BadRows { get; private set; } = [];

    [BindProperty]
    public MappingInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } import)
        {
            return NotFound();
        }

        Import = import;
        Input = MappingInput.From(import);
        return await ShowAsync(cancellationToken);
    }

    /// <summary>Keeps the chosen delimiter, header and columns and shows the preview again with them.</summary>
    public Task<IActionResult> OnPostPreviewAsync(long id, CancellationToken cancellationToken) =>
        MapAsync(id, start: false, cancellationToken);

    public Task<IActionResult> OnPostStartAsync(long id, CancellationToken cancellationToken) =>
        MapAsync(id, start: true, cancellationToken);

    /// <summary>Every refused row, with its line number and the reason in the marketer's language, streamed from the bad-rows file.</summary>
    public async Task<IActionResult> OnGetBadRowsAsync(long id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { BadRows: > 0 } import || !System.IO.File.Exists(ImportRunner.BadRowsPath(import)))
        {
            return NotFound();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"import-{import.Id}-bad-rows.csv\"";
        await using var writer = CsvWriter.Create(Response.Body, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true);
        writer.WriteField(text["Line"].Value);
        writer.WriteField(text["Reason"].Value);
        writer.WriteField(text["RowText"].Value);
        await writer.EndRecordAsync(cancellationToken);
        foreach (var row in ReadBadRows(import, int.MaxValue))
        {
            writer.WriteField(row.Line);
            writer.WriteField(row.Reason);
            writer.WriteField(row.Text);
            await writer.EndRecordAsync(cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
        return new EmptyResult();
    }

    private async Task<IActionResult> MapAsync(long id, bool start, CancellationToken cancellationToken)
    {
        if (await db.SubscriberImports.SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is not { } import)
        {
            return NotFound();
        }

        Import = import;
        if (import.Status != SubscriberImportStatus.Uploaded)
        {
            StatusMessage = text["AlreadyStarted"];
            return RedirectToPage(new { id });
        }

        if (Input.Delimiter is not ("," or ";"))
        {
            ModelState.AddModelError("Input.Delimiter", text["ChooseDelimiter"]);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }

        // The choices are checked against the file as the new delimiter splits it.
        import.Delimiter = Input.Delimiter[0];
        var preview = await ReadPreviewAsync(cancellationToken);
        Validate(preview?.ColumnCount ?? 0, start);
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }

        import.HasHeader = Input.HasHeader;
        import.EmailColumn = Input.EmailColumn!.Value;
        import.LanguageColumn = Input.LanguageColumn;
        import.NameColumn = Input.NameColumn;
        if (start)
        {
            import.Mode = Input.Mode!.Value;
            import.Status = SubscriberImportStatus.Queued;
            audit.Record(StaffName, AuditActions.SubscribersImportStarted, import.ConsentSource, $"{import.FileName}, {import.Mode}");
        }

        await db.SaveChangesAsync(cancellationToken);
        if (start)
        {
            worker.Wake();
            StatusMessage = text["ImportQueued", import.FileName];
        }

        return RedirectToPage(new { id });
    }

    private void Validate(int columns, bool start)
    {
        bool Outside(int? column) => column is { } c && (c < 0 || c >= columns);
        if (Input.EmailColumn is null)
        {
            ModelState.AddModelError("Input.EmailColumn", text["ChooseColumn"]);
        }
        else if (Outside(Input.EmailColumn))
        {
            ModelState.AddModelError("Input.EmailColumn", text["NoSuchColumn"]);
        }

        foreach (var (field, column) in new[] { ("Input.LanguageColumn", Input.LanguageColumn), ("Input.NameColumn", Input.NameColumn) })
        {
            if (Outside(column))
            {
                ModelState.AddModelError(field, text["NoSuchColumn"]);
            }
            else if (column is not null && (column == Input.EmailColumn || (field == "Input.NameColumn" && column == Input.LanguageColumn)))
            {
                ModelState.AddModelError(field, text["SameColumn"]);
            }
        }

        if (start && (Input.Mode is null || !Enum.IsDefined(Input.Mode.Value)))
        {
            ModelState.AddModelError("Input.Mode", text["ChooseMode"]);
        }
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        switch (Import.Status)
        {
            case SubscriberImportStatus.Uploaded:
                Preview = await ReadPreviewAsync(cancellationToken);
                break;
            case SubscriberImportStatus.Queued or SubscriberImportStatus.Running:
                // A reload of the page shows the progress: no script needed.
                Response.Headers["Refresh"] = RefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case SubscriberImportStatus.Done when Import.BadRows > 0 && System.IO.File.Exists(ImportRunner.BadRowsPath(Import)):
                BadRows = [.. ReadBadRows(Import, BadRowsShown)];
                break;
        }

        return Page();
    }

    private async Task<ImportPreview?> ReadPreviewAsync(CancellationToken cancellationToken) =>
        System.IO.File.Exists(Import.StoredPath)
            ? (await ImportPreview.ReadAsync(Import.StoredPath, Import.Delimiter, cancellationToken)).Preview
            : null;

    private IEnumerable<BadRow> ReadBadRows(SubscriberImport import, int count)
    {
        using var reader = CsvReader.Create(System.IO.File.OpenRead(ImportRunner.BadRowsPath(import)), ImportRows.Options(',', hasHeader: true));
        for (var i = 0; i < count && reader.Read(); i++)
        {
            yield return new BadRow(reader.GetString(0), text["Reason" + reader.GetString(1)], reader.GetString(2));
        }
    }

    private Task<SubscriberImport?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.SubscriberImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    public sealed record BadRow(string Line, string Reason, string Text);

    public sealed class MappingInput
    {
        public string Delimiter { get; set; } = ",";

        public bool HasHeader { get; set; }

        public int? EmailColumn { get; set; }

        public int? LanguageColumn { get; set; }

        public int? NameColumn { get; set; }

        public SubscriberImportMode? Mode { get; set; }

        public static MappingInput From(SubscriberImport import) => new()
        {
            Delimiter = import.Delimiter.ToString(),
            HasHeader = import.HasHeader,
            EmailColumn = import.EmailColumn,
            LanguageColumn = import.LanguageColumn,
            NameColumn = import.NameColumn,
        };
    }
}
