using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Sanatorium.Web.Site.Vision;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>
/// The version for the visually impaired as the server sees it: the panel's form sets one cookie and
/// leads back to the same page, and every page is rendered with the cookie's settings.
/// </summary>
public sealed partial class VisionModeTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly string[] VisionAttributes = ["size", "colors", "images", "letters", "lines", "font"];

    private const string Treatment = "/treatments/poyasnichnyy-bolevoy-sindrom";

    [Fact]
    public async Task Turning_the_mode_on_sets_one_small_cookie_and_leads_back_to_the_same_page_at_the_panel()
    {
        var response = await PostAsync(site.CreateVisitor(), Treatment, "on", Treatment + "?from=test");

        Assert.Equal(302, (int)response.StatusCode);
        Assert.Equal(Treatment + "?from=test#vision-panel", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(SetCookies(response));
        Assert.Equal(VisionSettings.CookieName, cookie.Name.Value);
        Assert.Equal(VisionSettings.Defaults.Format(), cookie.Value.Value);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal("/", cookie.Path.Value);
        Assert.Equal(TimeSpan.FromDays(365), cookie.MaxAge);
        Assert.True(cookie.Value.Length < 100);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/page")]
    [InlineData("/\\evil.example/page")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public async Task A_return_address_off_the_site_leads_to_the_home_page_instead(string returnUrl)
    {
        var ru = await PostAsync(site.CreateVisitor(), Treatment, "colors-wb", returnUrl);
        var en = await PostAsync(site.CreateVisitor(), "/en/", "colors-wb", returnUrl);

        Assert.Equal("/#vision-panel", ru.Headers.Location?.OriginalString);
        Assert.Equal("/en/#vision-panel", en.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site", "/accessibility", "Форма отправлена с другого сайта")]
    [InlineData("Origin", "https://evil.example", "/en/accessibility", "The form was sent from another site")]
    [InlineData("Origin", "null", "/accessibility", "Форма отправлена с другого сайта")]
    public async Task A_change_sent_from_another_site_is_refused_with_403_and_sets_nothing(string header, string value, string action, string heading)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, action)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["change"] = "on", ["returnUrl"] = "/" }),
        };
        request.Headers.Add(header, value);

        var response = await site.CreateVisitor().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(heading, (await response.ParseAsync()).QuerySelector("h1")?.TextContent.Trim());
        Assert.Empty(SetCookies(response));
    }

    [Theory]
    [InlineData("Origin", SiteFactory.BaseUrl)]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    public async Task A_change_sent_from_this_site_needs_no_token(string header, string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/accessibility")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["change"] = "on", ["returnUrl"] = Treatment }),
        };
        request.Headers.Add(header, value);

        var response = await site.CreateVisitor().SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Treatment + "#vision-panel", response.Headers.Location?.OriginalString);
        Assert.Single(SetCookies(response));
    }

    [Fact]
    public async Task The_normal_version_removes_the_cookie_and_returns_to_the_page()
    {
        var visitor = site.CreateVisitor();
        await PostAsync(visitor, Treatment, "on", Treatment);

        var response = await PostAsync(visitor, Treatment, "off", Treatment);
        var (_, page) = await visitor.GetPageAsync(Treatment);

        Assert.Equal(Treatment, response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(SetCookies(response));
        Assert.True(cookie.Expires < DateTimeOffset.UtcNow);
        Assert.Null(page.DocumentElement.GetAttribute("class"));
        Assert.Null(page.QuerySelector("#vision-panel"));
        Assert.Equal("Версия для слабовидящих", page.QuerySelector("header button[value=on]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Each_page_is_rendered_with_the_cookies_settings_and_its_panel_shows_them()
    {
        var settings = VisionSettings.Defaults.Apply("size-200").Apply("colors-blue").Apply("images-grey")
            .Apply("letters-2").Apply("lines-3").Apply("font-serif");

        var page = await GetWithCookieAsync(Treatment, settings.Format());

        var html = page.DocumentElement;
        Assert.Equal("vision", html.GetAttribute("class"));
        Assert.Equal(
            ["200", "blue", "grey", "2", "3", "serif"],
            VisionAttributes.Select(a => html.GetAttribute("data-" + a)));
        Assert.Equal("Обычная версия сайта", page.QuerySelector("header button[value=off]")?.TextContent.Trim());
        Assert.Equal("Размер шрифта: 200 %", page.QuerySelector("#vision-panel legend")?.TextContent.Trim());
        Assert.Equal(
            ["size-200", "colors-blue", "images-grey", "letters-2", "lines-3", "font-serif"],
            page.QuerySelectorAll("#vision-panel [aria-pressed=true]").Select(b => b.GetAttribute("value")));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("size-9000.colors-pink")]
    [InlineData("%ZZ%")]
    public async Task A_cookie_the_site_does_not_understand_leaves_the_normal_version(string cookie)
    {
        var page = await GetWithCookieAsync(Treatment, cookie);

        Assert.Null(page.DocumentElement.GetAttribute("class"));
        Assert.Null(page.QuerySelector("#vision-panel"));
        Assert.NotNull(page.QuerySelector("h1"));
    }

    [Fact]
    public async Task The_panel_speaks_the_pages_language()
    {
        var cookie = VisionSettings.Defaults.Format();

        var russian = await GetWithCookieAsync("/", cookie);
        var english = await GetWithCookieAsync("/en/", cookie);

        Assert.Equal("Настройки для слабовидящих", russian.QuerySelector("#vision-panel h2")?.TextContent.Trim());
        Assert.Equal("Settings for the visually impaired", english.QuerySelector("#vision-panel h2")?.TextContent.Trim());
        Assert.Equal("/en/accessibility", english.QuerySelector("#vision-panel form")?.GetAttribute("action"));
        var unmarked = english.Body!.Descendants<IText>()
            .Where(text => Cyrillic().IsMatch(text.Data) && text.ParentElement?.Closest("[lang=ru]") is null)
            .Select(text => text.Data.Trim());
        Assert.Empty(unmarked);
    }

    [Fact]
    public async Task On_a_missing_page_the_panel_leads_back_to_the_address_that_was_asked_for()
    {
        var page = await GetWithCookieAsync("/en/no/such/page?x=1", VisionSettings.Defaults.Format());

        Assert.Equal("/en/no/such/page?x=1", page.QuerySelector("#vision-panel input[name=returnUrl]")?.GetAttribute("value"));
        Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task With_images_off_each_image_shows_its_text_alternative_and_decorative_ones_go()
    {
        await site.WithDbAsync(async db =>
        {
            var info = await db.InfoPageTranslations.SingleAsync(t => t.Slug == "obshchie-protivopokazaniya");
            info.Body += "\n\n![Схема грязевой аппликации](/img/springs.svg)\n\n![](/img/fountain.svg)\n";
            await db.SaveChangesAsync();
        });
        var off = VisionSettings.Defaults.Apply("images-off").Format();

        var home = await GetWithCookieAsync("/", off);
        var treatment = await GetWithCookieAsync(Treatment, off);
        var info = await GetWithCookieAsync("/info/obshchie-protivopokazaniya", off);
        var infoWithImages = await GetWithCookieAsync("/info/obshchie-protivopokazaniya", VisionSettings.Defaults.Format());

        Assert.Empty(home.QuerySelectorAll("main img"));
        Assert.Contains("Муравьёвский фонтан", home.QuerySelector("main .image-text")?.TextContent);
        Assert.Empty(treatment.QuerySelectorAll("main img, main .image-text"));
        Assert.Empty(info.QuerySelectorAll("main img"));
        Assert.Equal(["Схема грязевой аппликации"], info.QuerySelectorAll("main .image-text").Select(e => e.TextContent));
        Assert.Equal(2, infoWithImages.QuerySelectorAll("main img").Length);
    }

    private async Task<IDocument> GetWithCookieAsync(string path, string cookie)
    {
        var client = site.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", $"{VisionSettings.CookieName}={cookie}");
        return (await client.GetPageAsync(path)).Document;
    }

    /// <summary>Presses a control of the panel (or the header's toggle) on <paramref name="path"/>, as a browser without JavaScript would.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient visitor, string path, string change, string returnUrl)
    {
        var (_, page) = await visitor.GetPageAsync(path);
        var form = page.QuerySelector("header form")!;
        return await visitor.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["change"] = change,
            ["returnUrl"] = returnUrl,
        }));
    }

    private static List<SetCookieHeaderValue> SetCookies(HttpResponseMessage response) =>
        SetCookieHeaderValue.ParseList(response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [])
            .Where(c => c.Name.Value == VisionSettings.CookieName)
            .ToList();

    [GeneratedRegex("[А-Яа-яЁё]")]
    private static partial Regex Cyrillic();
}
