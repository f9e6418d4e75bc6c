using Sanatorium.Core;
using Sanatorium.Core.Newsletters;

namespace Sanatorium.Web.Admin.Marketing;

/// <summary>The back office's addresses of campaigns; which page a campaign opens on depends on where it is.</summary>
public static class CampaignUrls
{
    public const string List = "/admin/marketing/campaigns";

    public static string Edit(long id) => FormattableString.Invariant($"{List}/{id}");

    public static string Preview(long id, Language language) => Edit(id) + "/preview/" + language.Code();

    public static string Progress(long id) => Edit(id) + "/progress";

    public static string Report(long id) => Edit(id) + "/report";

    public static string Cancel(long id) => Edit(id) + "/cancel";

    /// <summary>The editor while it can be changed or unscheduled, the progress page while it is sent, the report once it is over.</summary>
    public static string For(long id, CampaignStatus status) => status switch
    {
        CampaignStatus.Draft or CampaignStatus.Scheduled => Edit(id),
        CampaignStatus.Sending or CampaignStatus.Paused => Progress(id),
        _ => Report(id),
    };

    /// <summary>How the audit log names a campaign.</summary>
    public static string Target(long id) => FormattableString.Invariant($"campaign {id}");
}
