namespace Sanatorium.Core.Newsletters;

/// <summary>
/// A link in a campaign's body or cards. The mail links to the site's signed redirect for it, which
/// counts the click and sends the reader on to <see cref="Url"/>; only URLs stored here are ever
/// redirected to, so the redirect cannot be pointed anywhere else. Clicks are counted per link,
/// never per person.
/// </summary>
public sealed class CampaignLink
{
    public const int MaxUrlLength = 2000;

    private CampaignLink()
    {
    }

    public CampaignLink(long campaignId, string url)
    {
        CampaignId = campaignId;
        Url = url;
    }

    public long Id { get; private set; }

    public long CampaignId { get; private set; }

    public string Url { get; private set; } = "";

    public long Clicks { get; private set; }
}
