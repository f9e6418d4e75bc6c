using Sanatorium.Core;
using Sanatorium.Core.Content;

namespace Sanatorium.Web.Tests.Rules;

/// <summary>A promotion runs from its first to its last day, counted in the resort's time zone (Moscow).</summary>
public sealed class PromotionDatesTests
{
    private static readonly Promotion Winter = new("winter", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31));

    [Theory]
    [InlineData("2026-11-30", false)]
    [InlineData("2026-12-01", true)]
    [InlineData("2026-12-15", true)]
    [InlineData("2026-12-31", true)]
    [InlineData("2027-01-01", false)]
    public void A_promotion_runs_on_its_first_and_last_day_and_between(string day, bool running)
    {
        var isRunning = Promotion.RunningOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).Compile();

        Assert.Equal(running, isRunning(Winter));
    }

    [Theory]
    [InlineData("2026-11-30T20:59:00Z", "2026-11-30")]
    [InlineData("2026-11-30T21:00:00Z", "2026-12-01")]
    [InlineData("2026-12-31T20:59:59Z", "2026-12-31")]
    public void The_resort_day_turns_at_midnight_in_Moscow_not_in_UTC(string utc, string resortDay)
    {
        var clock = new FixedClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(resortDay, System.Globalization.CultureInfo.InvariantCulture), ResortClock.Today(clock));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
