using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Legal;

/// <summary>The back office's prices editor: structured rows added, checked, saved once over a stale form at most, deleted after a confirmation, audited.</summary>
public sealed class PriceEditorTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly Dictionary<string, string> Valid = new()
    {
        ["Input.NameRu"] = "Лечение и отдых",
        ["Input.NameEn"] = "Treatment and rest",
        ["Input.IncludedRu"] = "- Проживание",
        ["Input.IncludedEn"] = "- Accommodation",
        ["Input.Nights"] = "10",
        ["Input.Price"] = "38000.50",
        ["Input.ValidFrom"] = "2030-01-01",
        ["Input.ValidTo"] = "2030-12-31",
        ["Input.SortOrder"] = "5",
    };

    [Fact]
    public async Task An_editor_adds_a_package_through_the_list_and_visitors_see_it_and_the_audit_log_has_it()
    {
        var editor = await StaffAsync("adder@staraya-russa.test", Roles.Editor);
        var (_, list) = await editor.GetPageAsync("/admin/prices");
        var add = list.QuerySelector("main a[href='/admin/prices/edit']")!;

        var response = await editor.SubmitFormAsync(add.GetAttribute("href")!, Valid);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, after) = await editor.GetPageAsync("/admin/prices");
        Assert.Equal("Путёвка «Лечение и отдых» добавлена.", after.StatusMessage());
        var (_, prices) = await site.CreateVisitor().GetPageAsync("/en/prices");
        Assert.Contains(prices.QuerySelectorAll("tbody th[scope=row]"), th => th.TextContent == "Treatment and rest");
        var stored = await site.WithDbAsync(db => db.StayPackages.SingleAsync(p => p.NameRu == "Лечение и отдых"));
        Assert.Equal((10, 38000.50m, new DateOnly(2030, 12, 31), "adder@staraya-russa.test"), (stored.Nights, stored.PricePerPerson, stored.ValidTo!.Value, stored.UpdatedBy));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "stay-package.created" && e.User == "adder@staraya-russa.test")));
    }

    [Theory]
    [InlineData("ru", "Input.NameRu", "", "Введите название.")]
    [InlineData("ru", "Input.Nights", "0", "Число ночей — целое число от 1 до 365.")]
    [InlineData("ru", "Input.Nights", "366", "Число ночей — целое число от 1 до 365.")]
    [InlineData("ru", "Input.Price", "100.555", "Цена — число не меньше 0, не больше двух знаков после запятой.")]
    [InlineData("ru", "Input.Price", "-1", "Цена — число не меньше 0, не больше двух знаков после запятой.")]
    [InlineData("ru", "Input.ValidTo", "2029-12-31", "Дата окончания не может быть раньше даты начала.")]
    [InlineData("en", "Input.NameEn", " ", "Enter a name.")]
    [InlineData("en", "Input.Price", "38000,50", "The price must be a number of at least 0 with at most two decimal places.")]
    [InlineData("en", "Input.ValidFrom", "01.01.2030", "Enter a date as YYYY-MM-DD.")]
    [InlineData("en", "Input.SortOrder", "-3", "The order must be a whole number from 0 to 9999.")]
    public async Task A_wrong_field_gets_its_message_in_the_editors_language_and_nothing_is_stored(string language, string field, string value, string message)
    {
        var editor = await StaffAsync($"checker-{language}-{Guid.NewGuid():N}@staraya-russa.test", Roles.Editor);
        if (language == "en")
        {
            await editor.SubmitFormAsync("/admin/prices", new() { ["language"] = "en" }, "form[action='/admin/account/language']");
        }

        var before = await site.WithDbAsync(db => db.StayPackages.CountAsync());

        var response = await editor.SubmitFormAsync("/admin/prices/edit", new(Valid) { [field] = value });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(message, (await response.ParseAsync()).FieldError(field));
        Assert.Equal(before, await site.WithDbAsync(db => db.StayPackages.CountAsync()));
    }

    [Fact]
    public async Task Of_two_saves_from_forms_opened_together_the_second_is_refused_and_the_first_kept()
    {
        var id = await AddPackageAsync("Двое редакторов");
        var first = await StaffAsync("first@staraya-russa.test", Roles.Editor);
        var second = await StaffAsync("second@staraya-russa.test", Roles.Administrator);
        var (_, firstPage) = await first.GetPageAsync($"/admin/prices/edit/{id}");
        var (_, secondPage) = await second.GetPageAsync($"/admin/prices/edit/{id}");

        var saved = await first.SubmitAsync(firstPage.Form(), new() { ["Input.Price"] = "1000" });
        var refused = await second.SubmitAsync(secondPage.Form(), new() { ["Input.Price"] = "2000" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.StartsWith("Пока вы редактировали, путёвку изменил или удалил другой сотрудник", (await refused.ParseAsync()).QuerySelector("[role=alert]")!.TextContent.Trim());
        Assert.Equal(1000m, await site.WithDbAsync(db => db.StayPackages.Where(p => p.Id == id).Select(p => p.PricePerPerson).SingleAsync()));
        Assert.Equal(["first@staraya-russa.test"], await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "stay-package.saved" && e.Target == $"stay-package:{id}").Select(e => e.User).ToListAsync()));
    }

    [Fact]
    public async Task A_package_is_deleted_after_its_confirmation_and_not_over_a_change_made_meanwhile()
    {
        var id = await AddPackageAsync("Удаляемая");
        var editor = await StaffAsync("deleter@staraya-russa.test", Roles.Editor);
        var (_, confirmation) = await editor.GetPageAsync($"/admin/prices/delete/{id}");
        Assert.Equal("Путёвка «Удаляемая» исчезнет со страницы цен. Это нельзя отменить.", confirmation.QuerySelector("#delete-warning")!.TextContent);

        await site.WithDbAsync(async db =>
        {
            (await db.StayPackages.SingleAsync(p => p.Id == id)).Nights = 8;
            await db.SaveChangesAsync();
        });
        var stale = await editor.SubmitAsync(confirmation.Form(), []);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.True(await site.WithDbAsync(db => db.StayPackages.AnyAsync(p => p.Id == id)));

        var deleted = await editor.SubmitAsync((await stale.ParseAsync()).Form(), []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await site.WithDbAsync(db => db.StayPackages.AnyAsync(p => p.Id == id)));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "stay-package.deleted" && e.Target == $"stay-package:{id}")));
    }

    [Fact]
    public async Task A_marketer_can_neither_open_nor_post_the_editor_and_a_visitor_is_sent_to_log_in()
    {
        var id = await AddPackageAsync("Чужая");
        var editor = await StaffAsync("form-opener@staraya-russa.test", Roles.Editor);
        var (_, form) = await editor.GetPageAsync($"/admin/prices/edit/{id}");
        var marketer = await StaffAsync("marketer@staraya-russa.test", Roles.Marketer);

        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.GetAsync("/admin/prices")).StatusCode);
        var posted = await marketer.PostAsync($"/admin/prices/edit/{id}", new FormUrlEncodedContent(form.Form().Fields(new Dictionary<string, string> { ["Input.Nights"] = "30" })));
        Assert.True(posted.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, posted.StatusCode.ToString());
        Assert.Equal(7, await site.WithDbAsync(db => db.StayPackages.Where(p => p.Id == id).Select(p => p.Nights).SingleAsync()));
        var anonymous = await site.CreateVisitor().GetAsync("/admin/prices");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Null((await marketer.GetPageAsync("/admin")).Document.QuerySelector("nav a[href='/admin/prices']"));
        Assert.NotNull((await editor.GetPageAsync("/admin")).Document.QuerySelector("nav a[href='/admin/prices']"));
    }

    [Fact]
    public async Task A_package_that_does_not_exist_is_404()
    {
        var editor = await StaffAsync("missing@staraya-russa.test", Roles.Editor);

        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/prices/edit/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/prices/delete/987654")).StatusCode);
    }

    private async Task<HttpClient> StaffAsync(string email, string role) => await site.LogInAsync(await site.CreateAsync(email, role));

    private Task<int> AddPackageAsync(string name) => site.WithDbAsync(async db =>
    {
        var package = new StayPackage { NameRu = name, NameEn = name, Nights = 7, PricePerPerson = 500 };
        db.StayPackages.Add(package);
        await db.SaveChangesAsync();
        return package.Id;
    });
}
