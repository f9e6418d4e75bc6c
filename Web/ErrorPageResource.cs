namespace Sanatorium.Web;

/// <summary>Marker for the strings the error and status pages add to the shared ones, in Resources/ErrorPageResource*.resx (Russian is the neutral language).</summary>
public sealed class ErrorPageResource
{
}
