using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>A marketer's promotion, written by an editor: on the home and promotions pages while it runs, gone after.</summary>
public sealed class PromotionTests : IAsyncLifetime
{
    /// <summary>A 1x1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private readonly SiteFactory site = new();

    public Task InitializeAsync() => site.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)site).DisposeAsync();

    [Fact]
    public async Task A_current_promotion_with_a_picture_shows_on_the_home_and_promotions_pages_in_both_languages()
    {
        var today = Today();
        var response = await PublishAsync(new()
        {
            ["Input.Shared[StartsOn]"] = Date(today.AddDays(-1)),
            ["Input.Shared[EndsOn]"] = Date(today.AddDays(7)),
            ["Input.Fields[ru-Title]"] = "Скидка 15% на курс грязелечения",
            ["Input.Fields[ru-Text]"] = "Только в **ноябре**.",
            ["Input.Fields[ru-ImageAlt]"] = "Грязевые ванны санатория",
            ["Input.Fields[en-Title]"] = "15% off a mud therapy course",
            ["Input.Fields[en-Text]"] = "In **November** only.",
            ["Input.Fields[en-ImageAlt]"] = "The sanatorium's mud baths",
        }, withPicture: true);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var visitor = site.CreateVisitor();

        var (_, home) = await visitor.GetPageAsync("/");
        var card = home.QuerySelector(".promotion-card")!;
        Assert.Equal("Скидка 15% на курс грязелечения", card.QuerySelector("h3")!.TextContent);
        Assert.Equal("Грязевые ванны санатория", card.QuerySelector("img")!.GetAttribute("alt"));
        var picture = await visitor.GetAsync(card.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await picture.Content.ReadAsByteArrayAsync());

        var (_, english) = await visitor.GetPageAsync("/en/promotions");
        var link = english.QuerySelector(".promotion-card h3 a")!;
        Assert.Equal("15% off a mud therapy course", link.TextContent);
        var (detailResponse, detail) = await visitor.GetPageAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, detailResponse.StatusCode);
        Assert.Equal("November", detail.QuerySelector("main strong")?.TextContent);
        Assert.Contains(link.GetAttribute("href")!, await visitor.GetStringAsync("/sitemap.xml"));
    }

    [Fact]
    public async Task A_promotion_is_hidden_after_its_last_day()
    {
        var today = Today();
        await PublishAsync(new()
        {
            ["Input.Shared[StartsOn]"] = Date(today.AddDays(-10)),
            ["Input.Shared[EndsOn]"] = Date(today.AddDays(-1)),
            ["Input.Fields[ru-Title]"] = "Прошедшая акция",
        });
        var visitor = site.CreateVisitor();

        var (_, home) = await visitor.GetPageAsync("/");
        var (_, list) = await visitor.GetPageAsync("/promotions");

        Assert.Null(home.QuerySelector(".promotion-card"));
        Assert.DoesNotContain("Прошедшая акция", list.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/promotions/proshedshaya-aktsiya")).StatusCode);
    }

    [Theory]
    [InlineData(true, "", "Input.Fields[ru-ImageAlt]", "Опишите картинку: без описания её не поймут незрячие посетители.")]
    [InlineData(false, "Описание", "Image", "Это не картинка PNG, JPEG или WebP.")]
    public async Task A_picture_without_a_description_or_that_is_no_picture_is_refused_and_nothing_is_stored(
        bool realPicture, string alt, string field, string message)
    {
        var today = Today();
        var response = await PublishAsync(new()
        {
            ["Input.Shared[StartsOn]"] = Date(today),
            ["Input.Shared[EndsOn]"] = Date(today.AddDays(3)),
            ["Input.Fields[ru-Title]"] = "Акция с картинкой",
            ["Input.Fields[ru-ImageAlt]"] = alt,
        }, withPicture: true, picture: realPicture ? Png : "<html>not a picture</html>"u8.ToArray());
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = field == "Image" ? "image" : "ru-ImageAlt";
        Assert.Equal(message, page.QuerySelector($"#{id}-error")?.TextContent);
        Assert.Equal(0, await site.WithDbAsync(db => db.MediaFiles.CountAsync()));
        Assert.Equal(0, await site.WithDbAsync(db => db.Promotions.CountAsync()));
    }

    [Fact]
    public async Task A_promotion_that_ends_before_it_starts_is_refused()
    {
        var today = Today();
        var response = await PublishAsync(new()
        {
            ["Input.Shared[StartsOn]"] = Date(today.AddDays(5)),
            ["Input.Shared[EndsOn]"] = Date(today),
            ["Input.Fields[ru-Title]"] = "Перепутанные даты",
        });
        var page = await response.ParseAsync();

        Assert.Equal("Последний день не может быть раньше первого.", page.QuerySelector("#shared-EndsOn-error")?.TextContent);
    }

    private async Task<HttpResponseMessage> PublishAsync(
        Dictionary<string, string> fields,
        bool withPicture = false,
        byte[]? picture = null)
    {
        var editor = await site.LogInAsync(await site.CreateAsync($"promo-{Guid.NewGuid():N}@staraya-russa.test", Roles.Editor));
        var (_, form) = await editor.GetPageAsync("/admin/content/promotions/edit");
        return await editor.SubmitAsync(
            form.QuerySelector<IHtmlFormElement>("form.editor")!,
            fields,
            form.QuerySelector("button[formaction*=Publish]"),
            withPicture ? new Dictionary<string, (byte[], string, string)> { ["Image"] = (picture ?? Png, "picture.png", "image/png") } : null);
    }

    private static DateOnly Today() => ResortClock.Today(TimeProvider.System);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd");
}
