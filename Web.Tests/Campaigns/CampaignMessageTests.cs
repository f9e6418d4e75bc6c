using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Sanatorium.Core;
using Sanatorium.Core.Newsletters;
using Sanatorium.Infrastructure.Newsletters;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Campaigns;

/// <summary>
/// Each recipient's message joins parts encoded once per translation around their own link: what a
/// mail client decodes must be the rendered text with exactly that recipient's link in every place,
/// in lines a mail server accepts, however the link falls across the encoded lines.
/// </summary>
public sealed class CampaignMessageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Placeholder = "unsubscribe-link-3f9a1c";

    [Fact]
    public async Task Each_recipient_reads_the_rendered_parts_with_their_own_link_in_every_place()
    {
        var messages = site.Services.GetRequiredService<CampaignMessages>();
        var line = string.Concat(Enumerable.Repeat("Лечебные грязи и минеральные ванны = здоровье. ", 3));
        var translation = new CampaignTranslation(Language.Ru)
        {
            Subject = "Осенние скидки",
            Html = $"<p>{line}<a href=\"{Placeholder}\">Отписаться</a> {line}</p>\n<p>Ещё раз: <a href=\"{Placeholder}\">отписаться</a></p>",
            Text = $"{line}Отписаться: {Placeholder}\n{line}\nЕщё раз: {Placeholder}",
        };
        var first = "https://staraya-russa.example/newsletter/unsubscribe?token=CfDJ8" + new string('a', 120) + "&lang=ru";
        var second = "https://staraya-russa.example/newsletter/unsubscribe?token=CfDJ8" + new string('b', 97) + "&lang=ru";

        var firstMail = await RoundTripAsync(messages.For(translation, Placeholder, "first@example.org", first));
        var secondMail = await RoundTripAsync(messages.For(translation, Placeholder, "second@example.org", second));

        foreach (var (mail, link) in new[] { (firstMail, first), (secondMail, second) })
        {
            Assert.Equal(translation.Html!.Replace(Placeholder, WebUtility.HtmlEncode(link), StringComparison.Ordinal), mail.Message.HtmlBody);
            Assert.Equal(translation.Text!.Replace(Placeholder, link, StringComparison.Ordinal), mail.Message.TextBody!.ReplaceLineEndings("\n"));
            Assert.All(mail.Message.BodyParts.OfType<TextPart>(), part => Assert.Equal(ContentEncoding.QuotedPrintable, part.ContentTransferEncoding));
            Assert.All(mail.Lines, l => Assert.InRange(l.Length, 0, 76));
            Assert.Equal("<" + link + ">", mail.Message.Headers[HeaderId.ListUnsubscribe]);
        }
    }

    private static async Task<(MimeMessage Message, string[] Lines)> RoundTripAsync(MimeMessage message)
    {
        using var bytes = new MemoryStream();
        await message.WriteToAsync(bytes);
        bytes.Position = 0;
        var lines = System.Text.Encoding.ASCII.GetString(bytes.ToArray()).Split("\r\n");
        return (await MimeMessage.LoadAsync(bytes), lines.SkipWhile(l => l.Length > 0).ToArray());
    }
}
