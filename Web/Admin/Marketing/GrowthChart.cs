using System.Globalization;

namespace Sanatorium.Web.Admin.Marketing;

/// <summary>
/// The geometry of the dashboard's bar chart, drawn on the server as SVG (no script, no inline
/// style: colours come from classes in admin.css): per week a confirmed and an unsubscribed bar,
/// with a scale rounded up to a readable number.
/// </summary>
public sealed class GrowthChart(GrowthReport report)
{
    public const int Width = 760;
    public const int Height = 280;
    public const int Left = 56;
    public const int Right = 12;
    public const int Top = 16;
    public const int Bottom = 40;
    private const int PlotHeight = Height - Top - Bottom;

    private static readonly int[] Steps = [1, 2, 5, 10];

    public IReadOnlyList<GrowthWeek> Weeks => report.Weeks;

    /// <summary>The top of the scale: the largest value rounded up to 1, 2 or 5 times a power of ten.</summary>
    public int Scale { get; } = NiceCeiling(report.Max);

    public double Slot => (double)(Width - Left - Right) / Math.Max(1, report.Weeks.Count);

    public double BarWidth => Slot * 0.36;

    /// <summary>Where the bar of a week (index) and series (0 confirmed, 1 unsubscribed) starts, left edge.</summary>
    public string BarX(int week, int series) => Number(Left + week * Slot + Slot * 0.14 + series * BarWidth);

    public string BarY(int value) => Number(Top + PlotHeight - BarLength(value));

    public string BarHeight(int value) => Number(BarLength(value));

    public string LabelX(int week) => Number(Left + week * Slot + Slot / 2);

    public string TickY(int value) => Number(Top + PlotHeight - BarLength(value));

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Gridlines: zero, half and the top of the scale.</summary>
    public IReadOnlyList<int> Ticks => new[] { 0, Scale / 2, Scale }.Distinct().ToList();

    private double BarLength(int value) => Scale == 0 ? 0 : (double)value / Scale * PlotHeight;

    private static int NiceCeiling(int max)
    {
        if (max <= 0)
        {
            return 0;
        }

        var power = 1;
        while (power * 10 <= max)
        {
            power *= 10;
        }

        return Steps.Select(step => step * power).First(candidate => candidate >= max);
    }
}
