using System.Globalization;
using Sanatorium.Core;

namespace Sanatorium.Web.Tests.Rules;

/// <summary>Staff read and type times in the resort's time (Moscow), whatever the server's own time zone is.</summary>
public sealed class ResortClockTests
{
    [Theory]
    [InlineData("2026-12-01T21:30:00Z", "2026-12-02 00:30")]
    [InlineData("2026-07-01T09:05:00+00:00", "2026-07-01 12:05")]
    [InlineData("2026-12-01T12:00:00+05:00", "2026-12-01 10:00")]
    public void A_moment_is_shown_in_resort_time(string at, string shown) =>
        Assert.Equal(shown, ResortClock.Format(DateTimeOffset.Parse(at, CultureInfo.InvariantCulture)));

    [Fact]
    public void A_resort_day_begins_at_midnight_in_Moscow()
    {
        var start = ResortClock.StartOf(new DateOnly(2026, 12, 2));

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 21, 0, 0, TimeSpan.Zero), start);
    }
}
