using Sanatorium.Core.Content;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>A marketer's promotion, written by an editor: on the home and promotions pages while it runs, gone after.</summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes the site through IAsyncLifetime.DisposeAsync.")]
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
        var response = await CreatePromotionAsync(new()
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
        await CreatePromotionAsync(new()
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
        var response = await CreatePromotionAsync(
            RunningWithPicture("Акция с картинкой", alt),
            withPicture: true,
            picture: realPicture ? Png : "<html>not a picture</html>"u8.ToArray());
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
        var response = await CreatePromotionAsync(new()
        {
            ["Input.Shared[StartsOn]"] = Date(today.AddDays(5)),
            ["Input.Shared[EndsOn]"] = Date(today),
            ["Input.Fields[ru-Title]"] = "Перепутанные даты",
        });
        var page = await response.ParseAsync();

        Assert.Equal("Последний день не может быть раньше первого.", page.QuerySelector("#shared-EndsOn-error")?.TextContent);
    }

    [Fact]
    public async Task A_picture_description_of_400_characters_is_published()
    {
        var response = await CreatePromotionAsync(RunningWithPicture("Акция с подробным описанием картинки", new string('д', 400)), withPicture: true);
        var (_, home) = await site.CreateVisitor().GetPageAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new string('д', 400), home.QuerySelector(".promotion-card img")?.GetAttribute("alt"));
        Assert.Equal(1, await site.WithDbAsync(db => db.MediaFiles.CountAsync()));
    }

    [Fact]
    public async Task A_picture_description_of_401_characters_is_refused_and_neither_the_promotion_nor_its_picture_is_stored()
    {
        var response = await CreatePromotionAsync(RunningWithPicture("Акция со слишком длинным описанием", new string('д', 401)), withPicture: true);
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Слишком длинный текст для этого поля.", page.QuerySelector("#ru-ImageAlt-error")?.TextContent);
        Assert.Equal(0, await site.WithDbAsync(db => db.MediaFiles.CountAsync()));
        Assert.Equal(0, await site.WithDbAsync(db => db.Promotions.CountAsync()));
        Assert.Equal(0, await site.WithDbAsync(db => db.ContentRevisions.CountAsync(r => r.Kind == ContentKind.Promotion)));
    }

    [Fact]
    public async Task A_draft_promotions_picture_is_shown_to_editors_and_to_visitors_only_once_published()
    {
        var editor = await site.LogInAsync(await site.CreateAsync("pictures@staraya-russa.test", Roles.Editor));
        var saved = await CreatePromotionAsync(
            RunningWithPicture("Акция в черновике", "Бювет с минеральной водой"), withPicture: true, button: "Save", editor: editor);
        var picture = "/media/" + await site.WithDbAsync(db => db.MediaFiles.Select(m => m.Id).SingleAsync());

        var anonymous = await site.CreateVisitor().GetAsync(picture);
        var staff = await editor.GetAsync(picture);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Equal(Png, await staff.Content.ReadAsByteArrayAsync());
        Assert.False(staff.Headers.CacheControl?.Public);

        var (_, form) = await editor.GetPageAsync(saved.Headers.Location!.OriginalString);
        await editor.SubmitAsync(form.QuerySelector<IHtmlFormElement>("form.editor")!, [], form.QuerySelector("button[formaction*=Publish]"));
        var published = await site.CreateVisitor().GetAsync(picture);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.True(published.Headers.CacheControl?.Public);
        // Published as it was drafted: nothing left to discard.
        Assert.Null((await editor.GetPageAsync(saved.Headers.Location!.OriginalString)).Document.QuerySelector("form[action*='handler=Discard']"));
    }

    [Fact]
    public async Task A_picture_that_does_not_exist_is_refused_and_nothing_is_stored()
    {
        var fields = RunningWithPicture("Акция с чужой картинкой", "Картинка");
        fields["Input.Shared[ImageId]"] = Guid.NewGuid().ToString();

        var response = await CreatePromotionAsync(fields);
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Картинка не найдена: выберите файл ещё раз.", page.QuerySelector("#image-error")?.TextContent);
        Assert.Equal(0, await site.WithDbAsync(db => db.Promotions.CountAsync()));
    }

    /// <summary>The fields of a promotion running from today for three days, with a picture described in Russian.</summary>
    private static Dictionary<string, string> RunningWithPicture(string title, string alt) => new()
    {
        ["Input.Shared[StartsOn]"] = Date(Today()),
        ["Input.Shared[EndsOn]"] = Date(Today().AddDays(3)),
        ["Input.Fields[ru-Title]"] = title,
        ["Input.Fields[ru-ImageAlt]"] = alt,
    };

    private async Task<HttpResponseMessage> CreatePromotionAsync(
        Dictionary<string, string> fields,
        bool withPicture = false,
        byte[]? picture = null,
        string button = "Publish",
        HttpClient? editor = null)
    {
        editor ??= await site.LogInAsync(await site.CreateAsync($"promo-{Guid.NewGuid():N}@staraya-russa.test", Roles.Editor));
        var (_, form) = await editor.GetPageAsync("/admin/content/promotions/edit");
        return await editor.SubmitAsync(
            form.QuerySelector<IHtmlFormElement>("form.editor")!,
            fields,
            form.QuerySelector($"button[formaction*={button}]"),
            withPicture ? new Dictionary<string, (byte[], string, string)> { ["Image"] = (picture ?? Png, "picture.png", "image/png") } : null);
    }

    private static DateOnly Today() => ResortClock.Today(TimeProvider.System);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
