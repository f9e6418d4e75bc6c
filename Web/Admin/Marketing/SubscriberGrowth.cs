using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Sanatorium.Core;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Web.Admin.Marketing;

/// <summary>One resort week (Monday to Sunday): how many confirmed and how many left.</summary>
public sealed record GrowthWeek(DateOnly Start, int Confirmed, int Unsubscribed);

/// <summary>The numbers the marketing dashboard shows: subscribers per status and the last weeks' comings and goings.</summary>
public sealed record GrowthReport(DateTimeOffset At, IReadOnlyDictionary<SubscriberStatus, int> Totals, IReadOnlyList<GrowthWeek> Weeks)
{
    public int Max => Weeks.Count == 0 ? 0 : Weeks.Max(w => Math.Max(w.Confirmed, w.Unsubscribed));
}

/// <summary>
/// Counts confirmations and departures per resort week from the subscribers' own ConfirmedAt and
/// UnsubscribedAt (the same whether they came by the form or an import), in one pass over the table.
/// A pass over a million rows takes a good part of a second, so the report is kept for a minute.
/// </summary>
public static class SubscriberGrowth
{
    public const int WeekCount = 12;

    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    public static async Task<GrowthReport> ReportAsync(SanatoriumDbContext db, IMemoryCache cache, TimeProvider time, CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(typeof(GrowthReport), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await ComputeAsync(db, time, cancellationToken);
        }))!;

    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static async Task<GrowthReport> ComputeAsync(SanatoriumDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var firstWeek = WeekStart(ResortClock.Today(time)).AddDays(-7 * (WeekCount - 1));
        var since = ResortClock.StartOf(firstWeek);
        var zone = ResortClock.Zone.Id;
        var days = await db.Database.SqlQuery<GrowthDayCount>(
            $"""
            SELECT (m.at AT TIME ZONE {zone})::date AS "Day", m.kind AS "Kind", count(*)::int AS "Count"
            FROM "Subscribers" s
            CROSS JOIN LATERAL (VALUES
                ('Confirmed', s."ConfirmedAt"),
                ('Unsubscribed', s."UnsubscribedAt")) AS m(kind, at)
            WHERE (s."ConfirmedAt" >= {since} OR s."UnsubscribedAt" >= {since}) AND m.at >= {since}
            GROUP BY 1, 2
            """).ToListAsync(cancellationToken);
        var totals = await db.Subscribers
            .GroupBy(s => s.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var weeks = Enumerable.Range(0, WeekCount).Select(i =>
        {
            var start = firstWeek.AddDays(7 * i);
            int Sum(string kind) => days.Where(d => d.Kind == kind && WeekStart(d.Day) == start).Sum(d => d.Count);
            return new GrowthWeek(start, Sum(nameof(SubscriberStatus.Confirmed)), Sum(nameof(SubscriberStatus.Unsubscribed)));
        }).ToList();
        return new GrowthReport(
            time.GetUtcNow(),
            Enum.GetValues<SubscriberStatus>().ToDictionary(s => s, s => totals.GetValueOrDefault(s)),
            weeks);
    }
}

/// <summary>A row of the growth query: confirmations or departures on one resort day.</summary>
internal sealed record GrowthDayCount(DateOnly Day, string Kind, int Count);
