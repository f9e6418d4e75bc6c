using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Sanatorium.Web.Email;

/// <summary>
/// A campaign's body in a mail, made from the HTML <c>ContentRenderer</c> sanitized: every link and
/// picture made absolute (a mail has no address to resolve "/promotions" against), every http(s) link
/// passed through a writer (the tracked redirect when the campaign is sent, the address itself in a
/// preview), inline styles set for mail clients that drop style sheets, and the same body as plain
/// text with each link written out after its words.
/// </summary>
public sealed partial record CampaignBody(string Html, string Text)
{
    public static CampaignBody From(string sanitizedHtml, Uri site, Func<string, string> link)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + sanitizedHtml + "</body></html>");
        var body = document.Body!;
        foreach (var element in body.QuerySelectorAll("*"))
        {
            Rewrite(element, site, link);
        }

        var text = new StringBuilder();
        WriteText(body, text);
        var lines = string.Join('\n', text.ToString().Split('\n').Select(line => line.Trim()));
        return new CampaignBody(body.InnerHtml, BlankLines().Replace(lines, "\n\n").Trim());
    }

    /// <summary>An absolute http(s) address in ASCII (the host in punycode), as a Location header and every mail client take it; null for any other kind.</summary>
    public static string? Absolute(Uri site, string? address) =>
        Uri.TryCreate(site, address?.Trim(), out var uri) && uri.Scheme is "http" or "https"
            ? new UriBuilder(uri) { Host = uri.IdnHost }.Uri.AbsoluteUri
            : null;

    private static void Rewrite(IElement element, Uri site, Func<string, string> link)
    {
        switch (element.LocalName)
        {
            case "a":
                if (Absolute(site, element.GetAttribute("href")) is { } target)
                {
                    element.SetAttribute("href", link(target));
                }

                element.SetAttribute("style", MailStyle.Link);
                break;
            case "img":
                if (Absolute(site, element.GetAttribute("src")) is { } source)
                {
                    element.SetAttribute("src", source);
                }
                else
                {
                    element.RemoveAttribute("src");
                }

                element.SetAttribute("style", MailStyle.Image);
                break;
            case "p" or "ul" or "ol" or "pre":
                element.SetAttribute("style", MailStyle.Paragraph);
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                element.SetAttribute("style", MailStyle.Title);
                break;
            case "blockquote":
                element.SetAttribute("style", MailStyle.Quote);
                break;
            case "td" or "th":
                element.SetAttribute("style", MailStyle.Cell);
                break;
        }
    }

    /// <summary>The words of <paramref name="node"/> as text: a blank line around each block, "- " before list items, a link's address after its words.</summary>
    private static void WriteText(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText words:
                    text.Append(child.ParentElement?.LocalName == "pre" ? words.Data : Spaces().Replace(words.Data, " "));
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement { LocalName: "img" } image:
                    text.Append(image.GetAttribute("alt"));
                    break;
                case IElement { LocalName: "a" } anchor:
                    WriteText(anchor, text);
                    if (anchor.GetAttribute("href") is { Length: > 0 } href)
                    {
                        text.Append(" (").Append(href).Append(')');
                    }

                    break;
                case IElement { LocalName: "li" } item:
                    text.Append("\n- ");
                    WriteText(item, text);
                    break;
                case IElement { LocalName: "td" or "th" } cell:
                    WriteText(cell, text);
                    text.Append(" | ");
                    break;
                case IElement { LocalName: "tr" } row:
                    text.Append('\n');
                    WriteText(row, text);
                    break;
                case IElement { LocalName: "p" or "div" or "ul" or "ol" or "pre" or "blockquote" or "table" or "hr" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" } block:
                    text.Append("\n\n");
                    WriteText(block, text);
                    text.Append("\n\n");
                    break;
                default:
                    WriteText(child, text);
                    break;
            }
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
