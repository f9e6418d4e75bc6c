namespace Sanatorium.Web.Admin;

/// <summary>The resort's clock (Moscow time): the times staff read and the dates they type in the back office.</summary>
public static class ResortTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Moscow", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("Europe/Moscow", TimeSpan.FromHours(3), "Moscow", "MSK");

    /// <summary>A moment as staff read it: resort date and time, to the minute, the same in both languages.</summary>
    public static string Format(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm");

    /// <summary>The instant a resort day begins, in UTC (as PostgreSQL's timestamptz wants it).</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
