using System.Text;

namespace Sanatorium.Web.Email;

/// <summary>
/// A newsletter campaign in one language: the hidden preheader, the body (sanitized HTML and the same
/// body as text, <see cref="CampaignBody"/>), the promotions as cards, and the visible unsubscribe
/// note whose link is the campaign's placeholder (or a harmless link in a preview or a test mail).
/// </summary>
public sealed record CampaignMail(
    string Subject,
    string Preheader,
    CampaignBody Body,
    IReadOnlyList<CampaignCard> Cards,
    string UnsubscribeNote,
    string UnsubscribeAction,
    string UnsubscribeLink) : MailContent(Subject)
{
    public override string Text
    {
        get
        {
            var text = new StringBuilder(Body.Text).Append("\n\n");
            foreach (var card in Cards)
            {
                text.Append(card.Title).Append('\n').Append(card.Dates).Append('\n').Append(card.Action).Append(":\n").Append(card.Link).Append("\n\n");
            }

            return text.Append("--\n").Append(UnsubscribeNote).Append('\n').Append(UnsubscribeAction).Append(":\n").Append(UnsubscribeLink).Append('\n').ToString();
        }
    }
}

/// <summary>A promotion under the body: its picture (absolute URL and alt text) if it has one, title, dates and the link to its page.</summary>
public sealed record CampaignCard(string Title, string Dates, string Action, string Link, string? ImageUrl, string ImageAlt);
