namespace Sanatorium.Web;

/// <summary>
/// Marker for the strings of the version for the visually impaired that came with the output cache (its
/// settings form refused from another site) in Resources/VisionResource*.resx (Russian is the neutral language).
/// </summary>
public sealed class VisionResource
{
}
