using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using MimeKit;
using MimeKit.Encodings;
using MimeKit.IO;
using MimeKit.IO.Filters;
using Sanatorium.Core;
using Sanatorium.Core.Newsletters;
using Sanatorium.Infrastructure.Email;
using Sanatorium.Infrastructure.Subscribers;

namespace Sanatorium.Infrastructure.Newsletters;

/// <summary>
/// Makes one recipient's message from a campaign translation rendered once for its language
/// (docs/decisions/0017): the recipient's unsubscribe link in place of <see cref="Campaign.Placeholder"/>
/// (HTML-encoded in the HTML part), the newsletter headers (<see cref="SubscriptionHeaders"/>), the
/// sender, the date and a <c>Message-ID</c> of its own (<see cref="MailStamp"/>).
/// Both parts are encoded (quoted-printable) once per translation, in pieces split where the link goes:
/// a recipient's message joins the pieces around their own encoded link instead of encoding the whole
/// text again (see <see cref="EncodedParts"/>).
/// </summary>
public sealed class CampaignMessages(SubscriptionHeaders headers, MailStamp stamp)
{
    private readonly ConditionalWeakTable<CampaignTranslation, EncodedParts> encoded = [];

    /// <summary>The message to <paramref name="to"/> (an address MailKit can send to: ASCII local part, IDN domain in punycode or Unicode).</summary>
    public MimeMessage For(CampaignTranslation translation, string placeholder, string to, string unsubscribeUrl)
    {
        if (translation.Html is null || translation.Text is null)
        {
            throw new InvalidOperationException($"The {translation.Language.Code()} version of campaign {translation.CampaignId} was never rendered.");
        }

        // Once per loaded translation: the dispatcher loads a campaign once per round of batches.
        var parts = encoded.GetValue(translation, t => new EncodedParts(t.Html!, t.Text!, placeholder));
        var message = new MimeMessage { Subject = translation.Subject };
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add(HeaderId.ContentLanguage, translation.Language.Code());
        message.Body = parts.Body(unsubscribeUrl);
        stamp.Apply(message);
        headers.Apply(message, unsubscribeUrl);
        return message;
    }

    /// <summary>
    /// The text and HTML of a translation encoded once as quoted-printable, each cut at the placeholder.
    /// Every piece ends with a soft line break (or its own line end), so joining pieces with an encoded
    /// link between them is valid quoted-printable that decodes to the text with the link in place.
    /// </summary>
    private sealed class EncodedParts(string html, string text, string placeholder)
    {
        private readonly byte[][] htmlPieces = Pieces(html, placeholder);

        private readonly byte[][] textPieces = Pieces(text, placeholder);

        public MultipartAlternative Body(string unsubscribeUrl) => new MultipartAlternative
        {
            Part("plain", textPieces, unsubscribeUrl),
            Part("html", htmlPieces, WebUtility.HtmlEncode(unsubscribeUrl)),
        };

        private static TextPart Part(string subtype, byte[][] pieces, string link)
        {
            var encodedLink = Encode(link);
            var content = new MemoryStream(pieces.Sum(p => p.Length) + (encodedLink.Length * (pieces.Length - 1)));
            for (var i = 0; i < pieces.Length; i++)
            {
                if (i > 0)
                {
                    content.Write(encodedLink);
                }

                content.Write(pieces[i]);
            }

            content.Position = 0;
            var part = new TextPart(subtype)
            {
                ContentTransferEncoding = ContentEncoding.QuotedPrintable,
                Content = new MimeContent(content, ContentEncoding.QuotedPrintable),
            };
            part.ContentType.Charset = "utf-8";
            return part;
        }

        private static byte[][] Pieces(string value, string placeholder) =>
            [.. value.Split(placeholder).Select(Encode)];

        private static byte[] Encode(string value)
        {
            var output = new MemoryStream();
            using (var filtered = new FilteredStream(output))
            {
                filtered.Add(new EncoderFilter(new QuotedPrintableEncoder()));
                filtered.Write(Encoding.UTF8.GetBytes(value));
                filtered.Flush();
            }

            return output.ToArray();
        }
    }
}
