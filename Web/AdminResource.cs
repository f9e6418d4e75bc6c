namespace Sanatorium.Web;

/// <summary>Marker for the back office UI strings in Resources/AdminResource*.resx (Russian is the neutral language).</summary>
public sealed class AdminResource
{
}
