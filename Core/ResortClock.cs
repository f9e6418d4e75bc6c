namespace Sanatorium.Core;

/// <summary>The resort's calendar: promotions start and end on days in Staraya Russa (Moscow time).</summary>
public static class ResortClock
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);
}
