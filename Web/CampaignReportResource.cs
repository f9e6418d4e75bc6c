namespace Sanatorium.Web;

/// <summary>Marker for the UI strings of a campaign's progress and report pages in Resources/CampaignReportResource*.resx (Russian is the neutral language).</summary>
public sealed class CampaignReportResource
{
}
