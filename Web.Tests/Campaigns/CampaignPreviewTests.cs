using System.Net;
using AngleSharp.Dom;
using Sanatorium.Core;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Campaigns;

/// <summary>The preview: the mail itself in each language, as a subscriber will see it, under a policy that lets no script run.</summary>
public sealed class CampaignPreviewTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("ru", "Приезжайте", "Скидка на грязелечение", "Грязевые ванны", "/promotions/preview-ru-skidka", "Отписаться от рассылки", "Прочтите до бронирования")]
    [InlineData("en", "Come in", "Mud therapy offer", "Mud baths", "/en/promotions/preview-en-offer", "Unsubscribe", "Read before you book")]
    public async Task The_preview_shows_the_body_the_cards_and_the_footer_in_its_language(
        string language, string body, string card, string alt, string promotionPage, string unsubscribe, string preheader)
    {
        var (promotion, picture) = await site.AddPromotionAsync("preview-" + language);
        var id = await site.AddBilingualCampaignAsync("Preview", promotion);
        var marketer = await site.LogInAsMarketerAsync();

        var (response, mail) = await marketer.GetPageAsync($"/admin/marketing/campaigns/{id}/preview/{language}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(language, mail.DocumentElement.GetAttribute("lang"));
        Assert.Contains(preheader, mail.Body!.Children[0].TextContent);
        Assert.Contains(body, mail.Body.TextContent);
        Assert.Equal("strong", mail.QuerySelector("strong")!.LocalName);
        Assert.Contains(mail.QuerySelectorAll("p"), p => p.TextContent == card);
        var image = mail.QuerySelectorAll("img").Single();
        Assert.Equal($"{SiteFactory.BaseUrl}/media/{picture}", image.GetAttribute("src"));
        Assert.Equal(alt, image.GetAttribute("alt"));
        Assert.Contains(mail.QuerySelectorAll("a"), a => a.GetAttribute("href") == SiteFactory.BaseUrl + promotionPage);
        var anchors = mail.QuerySelectorAll("a");
        var footer = anchors[^1];
        Assert.Contains(unsubscribe, footer.TextContent);
        Assert.StartsWith(SiteFactory.BaseUrl + (language == "en" ? "/en" : "") + "/newsletter/unsubscribe?token=", footer.GetAttribute("href"));
        Assert.Empty(mail.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task The_preview_runs_no_script_and_only_our_pages_may_frame_it()
    {
        var id = await site.AddBilingualCampaignAsync("Policy");
        var marketer = await site.LogInAsMarketerAsync();

        var response = await marketer.GetAsync($"/admin/marketing/campaigns/{id}/preview/en");
        var (_, editor) = await marketer.GetPageAsync($"/admin/marketing/campaigns/{id}");

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("sandbox", policy);
        Assert.Contains("frame-ancestors 'self'", policy);
        Assert.DoesNotContain("script-src", policy);
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
        var frames = editor.QuerySelectorAll("#preview iframe");
        Assert.Equal([$"/admin/marketing/campaigns/{id}/preview/ru", $"/admin/marketing/campaigns/{id}/preview/en"], frames.Select(f => f.GetAttribute("src")));
        Assert.All(frames, f => Assert.DoesNotContain("allow-scripts", f.GetAttribute("sandbox")));
    }

    [Fact]
    public async Task A_language_the_site_does_not_have_is_not_found()
    {
        var id = await site.AddBilingualCampaignAsync("Unknown language");
        var marketer = await site.LogInAsMarketerAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await marketer.GetAsync($"/admin/marketing/campaigns/{id}/preview/de")).StatusCode);
    }
}
