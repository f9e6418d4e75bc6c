using System.Globalization;

namespace Sanatorium.Core;

/// <summary>
/// The resort's clock (Staraya Russa keeps Moscow time): the days promotions start and end on, the
/// times staff read in the back office and the dates they type there. The server's own time zone
/// (UTC in a container) is never used.
/// </summary>
public static class ResortClock
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Moscow", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("Europe/Moscow", TimeSpan.FromHours(3), "Moscow", "MSK");

    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    /// <summary>A moment as staff read it: resort date and time, to the minute, the same in both languages.</summary>
    public static string Format(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The instant a resort day begins, in UTC (as PostgreSQL's timestamptz wants it).</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
