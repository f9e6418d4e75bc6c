namespace Sanatorium.Web;

/// <summary>
/// Marker for the strings of the prices page, the operator details page, the footer's legal links and
/// their back office editors in Resources/LegalResource*.resx (Russian is the neutral language).
/// </summary>
public sealed class LegalResource
{
}
