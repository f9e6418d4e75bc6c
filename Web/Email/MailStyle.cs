namespace Sanatorium.Web.Email;

/// <summary>
/// The inline styles of mail HTML (several mail clients drop style sheets): the site's colours; every
/// block that holds text sets its background as well as its colour, so a client that darkens or
/// inverts mail in dark mode keeps the contrast and never puts our dark text on its own dark ground.
/// </summary>
public static class MailStyle
{
    public const string Page = "#f1ece0";
    public const string Surface = "#ffffff";
    public const string Brand = "#0a3f3c";
    private const string OnBrand = "#ffffff";
    public const string Button = "#b5562b";
    private const string OnButton = "#ffffff";

    private const string Font = "font-family:PT Sans,Segoe UI,Roboto,Arial,sans-serif;";

    public const string Heading = Font + "font-size:20px;line-height:1.3;font-weight:bold;color:" + OnBrand + ";";
    public const string Paragraph = Font + "margin:0 0 20px;font-size:17px;line-height:1.6;color:#1d2b2a;";
    public const string Note = Font + "margin:0;font-size:15px;line-height:1.6;color:#4a5a58;";
    public const string ButtonLink = Font + "display:inline-block;padding:14px 24px;font-size:17px;font-weight:bold;line-height:1.2;color:" + OnButton + ";text-decoration:none;border-radius:6px;";
}
