using System.Globalization;
using Microsoft.Extensions.Localization;
using Sanatorium.Core;
using Sanatorium.Core.Newsletters;
using Sanatorium.Infrastructure.Newsletters;

namespace Sanatorium.Web.Admin.Marketing;

/// <summary>
/// A campaign's progress as the progress page shows it and as its status handler answers the page's
/// script (one source for both, so a reload and an update in place show the same words).
/// </summary>
public sealed record CampaignProgressView(
    string Status,
    string StatusText,
    bool Finished,
    int Sent,
    int Failed,
    int Skipped,
    int Remaining,
    int Total,
    int Served,
    int Percent,
    string Summary,
    string Rate,
    string TimeLeft,
    string? Waiting)
{
    public static CampaignProgressView Of(CampaignSummary campaign, CampaignProgress progress, DateTimeOffset now, IStringLocalizer text)
    {
        var percent = (int)Math.Floor(progress.Percent);
        var sending = campaign.Status == CampaignStatus.Sending;
        return new CampaignProgressView(
            campaign.Status.ToString(),
            text["Status" + campaign.Status],
            campaign.IsFinished,
            progress.Sent,
            progress.Failed,
            progress.Skipped,
            progress.Remaining,
            progress.Total,
            progress.Served,
            percent,
            text["ProgressSummary", Number(progress.Served), Number(progress.Total), percent],
            sending ? text["RatePerSecond", progress.PerSecond.ToString(progress.PerSecond >= 10 ? "N0" : "N1", CultureInfo.CurrentCulture)] : "—",
            RemainingTime(campaign, progress, now, text),
            campaign.LastError is { } reply
                ? text["WaitingForServer", reply, campaign.LastErrorAt is { } at ? ResortClock.Format(at) : "—"].Value
                : null);
    }

    /// <summary>A duration as staff read it: minutes, or hours and minutes.</summary>
    public static string Duration(TimeSpan span, IStringLocalizer text) => span switch
    {
        _ when span < TimeSpan.FromMinutes(1) => text["UnderAMinute"],
        _ when span < TimeSpan.FromHours(1) => text["Minutes", (int)Math.Round(span.TotalMinutes)],
        _ => text["HoursMinutes", (int)span.TotalHours, span.Minutes],
    };

    public static string Number(int n) => n.ToString("N0", CultureInfo.CurrentCulture);

    private static string RemainingTime(CampaignSummary campaign, CampaignProgress progress, DateTimeOffset now, IStringLocalizer text) =>
        campaign.Status switch
        {
            CampaignStatus.Paused => text["TimeLeftPaused"],
            CampaignStatus.Sending when progress.Remains is { } remains =>
                text["TimeLeftAbout", Duration(remains, text), ResortClock.Format(now + remains)],
            CampaignStatus.Sending => text["TimeLeftUnknown"],
            _ => "—",
        };
}
