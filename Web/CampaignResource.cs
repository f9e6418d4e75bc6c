namespace Sanatorium.Web;

/// <summary>Marker for the newsletter campaigns' UI and mail strings in Resources/CampaignResource*.resx (Russian is the neutral language).</summary>
public sealed class CampaignResource
{
}
