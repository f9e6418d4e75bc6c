using System.Net;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Legal;

/// <summary>The operator details: seeded empty, said to be in preparation until an administrator fills them in, then shown field by field.</summary>
public sealed class OperatorDetailsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Admin = "admin@staraya-russa.test";
    private const string AdminPassword = "Correct-Horse-42";

    [Fact]
    public async Task Empty_details_are_said_to_be_in_preparation_and_filled_ones_are_shown_field_by_field()
    {
        var visitor = site.CreateVisitor();
        foreach (var (path, preparing) in new[]
        {
            ("/operator-details", "Реквизиты оператора готовятся к публикации"),
            ("/en/operator-details", "The operator's details are being prepared"),
        })
        {
            var (response, empty) = await visitor.GetPageAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith(preparing, empty.QuerySelector("main p")!.TextContent);
            Assert.Null(empty.QuerySelector("main dl"));
            Assert.Equal("noindex", empty.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        }

        Assert.DoesNotContain("/operator-details<", await visitor.GetStringAsync("/sitemap.xml"));

        var admin = await site.LogInAsync(Admin, AdminPassword);
        var saved = await admin.SubmitFormAsync("/admin/operator-details", new()
        {
            ["Input.LegalNameRu"] = "ООО «Курорт»",
            ["Input.Inn"] = "7707 083 893",
            ["Input.Ogrn"] = "1027700132195",
            ["Input.LegalAddressRu"] = "175200, г. Старая Русса, ул. Минеральная, 62",
            ["Input.LegalAddressEn"] = "62 Mineralnaya St., Staraya Russa",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, russian) = await visitor.GetPageAsync("/operator-details");
        Assert.Equal(["Наименование", "ИНН", "ОГРН", "Юридический адрес"], russian.QuerySelectorAll("main dt").Select(d => d.TextContent));
        Assert.Equal(["ООО «Курорт»", "7707083893", "1027700132195", "175200, г. Старая Русса, ул. Минеральная, 62"], russian.QuerySelectorAll("main dd").Select(d => d.TextContent));
        Assert.Null(russian.QuerySelector("meta[name=robots]"));
        var (_, english) = await visitor.GetPageAsync("/en/operator-details");
        var name = english.QuerySelectorAll("main dd")[0];
        Assert.Equal(("ООО «Курорт»", "ru"), (name.TextContent, name.GetAttribute("lang")));
        Assert.Equal("62 Mineralnaya St., Staraya Russa", english.QuerySelectorAll("main dd")[3].TextContent);
        Assert.DoesNotContain(english.QuerySelectorAll("main dt"), d => d.TextContent == "Medical licence");
        Assert.Contains($"<loc>{SiteFactory.BaseUrl}/en/operator-details</loc>", await visitor.GetStringAsync("/sitemap.xml"));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "operator-details.saved" && e.User == Admin)));
    }

    [Theory]
    [InlineData("Input.Inn", "7707083894", "ИНН — 10 или 12 цифр с верными контрольными цифрами. Проверьте, нет ли опечатки.")]
    [InlineData("Input.Inn", "77070838", "ИНН — 10 или 12 цифр с верными контрольными цифрами. Проверьте, нет ли опечатки.")]
    [InlineData("Input.Ogrn", "1027700132196", "ОГРН — 13 цифр, ОГРНИП — 15, с верной контрольной цифрой. Проверьте, нет ли опечатки.")]
    [InlineData("Input.Ogrn", "ОГРН", "ОГРН — 13 цифр, ОГРНИП — 15, с верной контрольной цифрой. Проверьте, нет ли опечатки.")]
    [InlineData("Input.LegalNameEn", "Resort LLC", "Заполните русский вариант: английский показывается только вместе с ним.")]
    public async Task Wrong_details_get_a_message_and_nothing_is_stored(string field, string value, string message)
    {
        var admin = await site.LogInAsync(Admin, AdminPassword);
        var before = await site.WithDbAsync(db => db.OperatorDetails.AsNoTracking().SingleAsync());

        var response = await admin.SubmitFormAsync("/admin/operator-details", new()
        {
            ["Input.LegalNameRu"] = "",
            [field] = value,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errorField = field == "Input.LegalNameEn" ? "Input.LegalNameRu" : field;
        Assert.EndsWith(message, (await response.ParseAsync()).FieldError(errorField));
        var after = await site.WithDbAsync(db => db.OperatorDetails.AsNoTracking().SingleAsync());
        Assert.Equal((before.LegalNameEn, before.Inn, before.Ogrn), (after.LegalNameEn, after.Inn, after.Ogrn));
    }

    [Fact]
    public async Task Only_administrators_edit_the_details()
    {
        var editor = await site.LogInAsync(await site.CreateAsync("details-editor@staraya-russa.test", Roles.Editor));

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/operator-details")).StatusCode);
        Assert.Null((await editor.GetPageAsync("/admin")).Document.QuerySelector("nav a[href='/admin/operator-details']"));
    }
}
