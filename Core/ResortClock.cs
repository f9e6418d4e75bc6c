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

    /// <summary>
    /// The moment a <c>datetime-local</c> input names in resort time (to the minute or the second), in UTC;
    /// null when it is not a date and time, or names a time the resort's clock skips.
    /// </summary>
    public static DateTimeOffset? ParseInput(string? text)
    {
        if (!DateTime.TryParseExact(text, InputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || Zone.IsInvalidTime(local))
        {
            return null;
        }

        // A moment before year 1 in UTC comes back as its first moment: in the past, and refused as such.
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }

    private static readonly string[] InputFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    /// <summary>The instant a resort day begins, in UTC (as PostgreSQL's timestamptz wants it).</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
