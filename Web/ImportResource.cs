namespace Sanatorium.Web;

/// <summary>Marker for the subscriber import's UI strings in Resources/ImportResource*.resx (Russian is the neutral language).</summary>
public sealed class ImportResource
{
}
