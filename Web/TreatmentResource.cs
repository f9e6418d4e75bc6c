namespace Sanatorium.Web;

/// <summary>Marker for the treatment pages' own strings in Resources/TreatmentResource*.resx (Russian is the neutral language).</summary>
public sealed class TreatmentResource
{
}
