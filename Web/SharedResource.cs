namespace Sanatorium.Web;

/// <summary>Marker for the UI strings in Resources/SharedResource*.resx (Russian is the neutral language).</summary>
public sealed class SharedResource
{
}
