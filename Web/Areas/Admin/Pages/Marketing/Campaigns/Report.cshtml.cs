using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Newsletters;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Newsletters;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Marketing;

namespace Sanatorium.Web.Areas.Admin.Pages.Marketing.Campaigns;

/// <summary>
/// What became of a campaign: its ledger's counts, the recipients the mail server refused (with its
/// reply) and those who left before it reached them, the clicks per link (never per person), and
/// "resend to failed", which puts only the refused lines back in the queue.
/// </summary>
public sealed class ReportModel(
    SanatoriumDbContext db,
    CampaignLedger ledger,
    AuditLog audit,
    IStringLocalizer<CampaignReportResource> text) : AdminPageModel
{
    /// <summary>The most failed (and skipped) recipients listed on the page; the CSV download has them all.</summary>
    public const int LinesShown = 100;

    public CampaignSummary Campaign { get; private set; } = null!;

    public CampaignProgress Counts { get; private set; } = null!;

    public IReadOnlyList<RecipientLine> Failed { get; private set; } = [];

    public IReadOnlyList<RecipientLine> Skipped { get; private set; } = [];

    public IReadOnlyList<LinkClicks> Links { get; private set; } = [];

    /// <summary>The ledger takes failed lines back only from a finished or paused campaign.</summary>
    public bool CanResendFailed => Counts.Failed > 0 && Campaign.Status is CampaignStatus.Sent or CampaignStatus.Paused;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await CampaignSummary.FindAsync(db, id, cancellationToken) is not { } campaign)
        {
            return NotFound();
        }

        if (!campaign.HasStarted)
        {
            return Redirect(campaign.EditorPath);
        }

        Campaign = campaign;
        Counts = await ledger.ProgressAsync(id, cancellationToken);
        Failed = await Lines(id, DeliveryStatus.Failed).Take(LinesShown).ToListAsync(cancellationToken);
        Skipped = await Lines(id, DeliveryStatus.Skipped).Take(LinesShown).ToListAsync(cancellationToken);
        Links = await db.CampaignLinks
            .Where(l => l.CampaignId == id)
            .OrderByDescending(l => l.Clicks)
            .ThenBy(l => l.Url)
            .Select(l => new LinkClicks(l.Url, l.Clicks))
            .ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>Every failed and skipped recipient as CSV, streamed from the database.</summary>
    public async Task<IActionResult> OnGetCsvAsync(long id, CancellationToken cancellationToken)
    {
        if (await CampaignSummary.FindAsync(db, id, cancellationToken) is null)
        {
            return NotFound();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = string.Create(CultureInfo.InvariantCulture, $"campaign-{id}-not-delivered.csv"),
        }.ToString();
        await using var csv = CsvWriter.Create(Response.Body, SubscriberCsv.Options, leaveOpen: true);
        await csv.WriteRecordAsync(["email", "status", "reply", "at"], cancellationToken);
        foreach (var status in new[] { DeliveryStatus.Failed, DeliveryStatus.Skipped })
        {
            await foreach (var line in Lines(id, status).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                csv.WriteField(line.Email ?? text["Erased"]);
                csv.WriteField(status.ToString().ToLowerInvariant());
                csv.WriteField(line.Reply ?? "");
                csv.WriteField(SubscriberCsv.Moment(line.At));
                await csv.EndRecordAsync(cancellationToken);
            }
        }

        await csv.FlushAsync(cancellationToken);
        return new EmptyResult();
    }

    /// <summary>Puts the refused lines back in the queue and shows the campaign going out again.</summary>
    public async Task<IActionResult> OnPostResendFailedAsync(long id, CancellationToken cancellationToken)
    {
        if (await CampaignSummary.FindAsync(db, id, cancellationToken) is not { } campaign)
        {
            return NotFound();
        }

        var requeued = await ledger.ResendFailedAsync(id, cancellationToken);
        if (requeued == 0)
        {
            StatusMessage = text["NothingToResend"];
            return RedirectToPage(new { id });
        }

        await audit.RecordNowAsync(StaffName, AuditActions.CampaignResentToFailed, CampaignUrls.Target(id), $"{campaign.Name}: {requeued}");
        StatusMessage = text["ResentToFailed", CampaignProgressView.Number(requeued)];
        return RedirectToPage("./Progress", new { id });
    }

    private IQueryable<RecipientLine> Lines(long id, DeliveryStatus status) =>
        db.CampaignDeliveries
            .Where(d => d.CampaignId == id && d.Status == status)
            .OrderBy(d => d.At)
            .ThenBy(d => d.Id)
            .Select(d => new RecipientLine(
                db.Subscribers.Where(s => s.Id == d.SubscriberId).Select(s => s.Email).FirstOrDefault(),
                d.Error,
                d.At));

    /// <summary>One recipient of the report's lists; <see cref="Email"/> is null once they were erased.</summary>
    public sealed record RecipientLine(string? Email, string? Reply, DateTimeOffset? At);

    public sealed record LinkClicks(string Url, long Clicks);
}
