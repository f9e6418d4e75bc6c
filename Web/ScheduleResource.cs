namespace Sanatorium.Web;

/// <summary>Marker for the strings of scheduled publishing and the back office dashboard in Resources/ScheduleResource*.resx (Russian is the neutral language).</summary>
public sealed class ScheduleResource
{
}
