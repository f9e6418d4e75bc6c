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
    private const string Text = "#1d2b2a";
    private const string Line = "#d9d2c3";

    private const string Font = "font-family:PT Sans,Segoe UI,Roboto,Arial,sans-serif;";

    public const string Heading = Font + "font-size:20px;line-height:1.3;font-weight:bold;color:" + OnBrand + ";";
    public const string Paragraph = Font + "margin:0 0 20px;font-size:17px;line-height:1.6;color:" + Text + ";";
    public const string Note = Font + "margin:0;font-size:15px;line-height:1.6;color:#4a5a58;";

    /// <summary>A campaign's body: its own text colour on its own ground, whatever a client's dark mode does to the page.</summary>
    public const string Body = Font + "font-size:17px;line-height:1.6;color:" + Text + ";background-color:" + Surface + ";";
    public const string Title = Font + "margin:0 0 12px;font-size:21px;line-height:1.3;font-weight:bold;color:" + Text + ";";
    public const string Link = "color:" + Brand + ";text-decoration:underline;";
    public const string Image = "max-width:100%;height:auto;border:0;";
    public const string Quote = Font + "margin:0 0 20px;padding:0 0 0 14px;border-left:3px solid " + Line + ";font-size:17px;line-height:1.6;color:" + Text + ";";
    public const string Cell = Font + "padding:6px 10px;border:1px solid " + Line + ";font-size:16px;line-height:1.4;color:" + Text + ";background-color:" + Surface + ";";
    public const string Card = "margin:0 0 24px;border:1px solid " + Line + ";border-radius:8px;";
    public const string CardImage = "display:block;width:100%;max-width:542px;height:auto;border:0;border-radius:8px 8px 0 0;";

    /// <summary>Text mail clients read but do not show (the preheader).</summary>
    public const string Hidden = "display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;color:" + Page + ";";

    public const string ButtonLink = Font + "display:inline-block;padding:14px 24px;font-size:17px;font-weight:bold;line-height:1.2;color:" + OnButton + ";text-decoration:none;border-radius:6px;";
}
