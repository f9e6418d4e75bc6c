using System.ComponentModel.DataAnnotations;

namespace Sanatorium.Infrastructure.Options;

/// <summary><c>Scheduling:*</c>: how the scheduled publisher looks for due publications (docs/decisions/0028-scheduled-publishing.md).</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>
    /// How often each instance looks for a publication that came due; between looks it sleeps until the
    /// soonest one it knows of, so a schedule is live within this interval of its time at worst.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00", ErrorMessage = "Scheduling:PollInterval must be between 0.1 second and a minute, e.g. 00:00:05.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
