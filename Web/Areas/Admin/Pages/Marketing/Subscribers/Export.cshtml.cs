using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Sanatorium.Core;
using Sanatorium.Core.Audit;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin.Marketing;

namespace Sanatorium.Web.Areas.Admin.Pages.Marketing.Subscribers;

/// <summary>The subscribers of the list's current filter as a CSV download, streamed from the database.</summary>
public sealed class ExportModel(SanatoriumDbContext db, AuditLog audit, TimeProvider time) : SubscriberFilterPageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // The filter goes to the log, the search term does not: it may be someone's address.
        var filter = FilterQuery();
        filter["q"] = filter["q"] is null ? null : "…";
        audit.Record(StaffName, AuditActions.SubscribersExported, "subscribers", string.Join(" ", filter.Where(f => f.Value is not null).Select(f => $"{f.Key}={f.Value}")));
        await db.SaveChangesAsync(cancellationToken);

        var day = ResortClock.Today(time).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = $"subscribers-{day}.csv" }.ToString();
        var rows = Filtered(db.Subscribers).OrderByDescending(s => s.Id).AsAsyncEnumerable();
        await SubscriberCsv.WriteAsync(Response.Body, rows, cancellationToken);
        return new EmptyResult();
    }
}
