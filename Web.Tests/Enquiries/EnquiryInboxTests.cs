using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Enquiries;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Enquiries;

/// <summary>The back office's enquiries inbox: who may open it, the list, and handling one enquiry.</summary>
public sealed class EnquiryInboxTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    [InlineData(Roles.Marketer, HttpStatusCode.OK)]
    [InlineData(Roles.Editor, HttpStatusCode.Forbidden)]
    public async Task Administrators_and_marketers_open_the_inbox_editors_get_403(string role, HttpStatusCode expected)
    {
        var id = await site.AddEnquiryAsync("Доступ");
        var client = await site.LogInAsync(await site.CreateAsync(MailDev.NewAddress("access"), role));

        Assert.Equal(expected, (await client.GetAsync("/admin/enquiries")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync($"/admin/enquiries/{id}")).StatusCode);
        var (_, home) = await client.GetPageAsync("/admin");
        Assert.Equal(expected == HttpStatusCode.OK, home.QuerySelector("nav a[href='/admin/enquiries']") is not null);
    }

    [Fact]
    public async Task A_visitor_is_sent_to_the_login_page()
    {
        var response = await site.CreateVisitor().GetAsync("/admin/enquiries");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/account/login", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_inbox_lists_newest_first_filters_by_status_searches_name_e_mail_and_phone_and_pages()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await site.AddEnquiryAsync($"Старый {tag}", daysAgo: 3, email: $"old-{tag}@example.org");
        await site.AddEnquiryAsync($"Средний {tag}", daysAgo: 2, status: EnquiryStatus.InProgress, phone: $"+7 999 {tag[..3]}");
        await site.AddEnquiryAsync($"Новый {tag}", daysAgo: 1, status: EnquiryStatus.Done);
        var client = await site.LogInAsync(await site.CreateAsync(MailDev.NewAddress("inbox"), Roles.Marketer));

        Assert.Equal([$"Новый {tag}", $"Средний {tag}", $"Старый {tag}"], await NamesAsync(client, $"?q={tag}"));
        Assert.Equal([$"Средний {tag}"], await NamesAsync(client, $"?q={tag}&status=inprogress"));
        Assert.Equal([$"Старый {tag}"], await NamesAsync(client, $"?q=OLD-{tag}"));
        Assert.Equal([$"Средний {tag}"], await NamesAsync(client, $"?q=%2B7 999 {tag[..3]}"));
        Assert.Empty(await NamesAsync(client, "?q=%25_%5C" + tag));
        var (response, tooLong) = await client.GetPageAsync("/admin/enquiries?q=" + new string('x', 300) + "&status=bogus&p=-5");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Слишком длинный запрос для поиска: не больше 254 знаков.", tooLong.FieldError("q"));

        for (var i = 0; i < Sanatorium.Web.Areas.Admin.Pages.Enquiries.IndexModel.PageSize; i++)
        {
            await site.AddEnquiryAsync($"Поток {tag} {i:00}", daysAgo: 0);
        }

        var (_, first) = await client.GetPageAsync($"/admin/enquiries?q={tag}");
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await client.GetPageAsync(next);
        Assert.Equal([$"Средний {tag}", $"Старый {tag}"], second.QuerySelectorAll("table.enquiries tbody tr td:nth-child(2) a").Select(a => a.TextContent).ToList()[1..]);
        Assert.NotNull(second.QuerySelector("a[rel=prev]"));
    }

    [Fact]
    public async Task A_marketer_changes_status_assignee_and_notes_and_the_change_is_audited()
    {
        var id = await site.AddEnquiryAsync("Обработка", email: "guest@example.org");
        var colleague = await site.CreateAsync(MailDev.NewAddress("colleague"), Roles.Administrator);
        var editor = await site.CreateAsync(MailDev.NewAddress("editor"), Roles.Editor);
        var marketer = await site.CreateAsync(MailDev.NewAddress("handler"), Roles.Marketer);
        var client = await site.LogInAsync(marketer);
        var (_, page) = await client.GetPageAsync($"/admin/enquiries/{id}");
        Assert.Contains("guest@example.org", page.QuerySelector("dl")!.TextContent);
        var offered = page.QuerySelectorAll("select[name='Input.Assignee'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(colleague, offered);
        Assert.DoesNotContain(editor, offered);

        var response = await client.SubmitAsync(page.Form("main form"), new()
        {
            ["Input.Status"] = "InProgress",
            ["Input.Assignee"] = colleague,
            ["Input.Notes"] = "Перезвонить в понедельник.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await site.WithDbAsync(db => db.Enquiries.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal((EnquiryStatus.InProgress, colleague, "Перезвонить в понедельник."), (saved.Status, saved.Assignee, saved.Notes));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.EnquiryChanged && a.User == marketer && a.Target == $"enquiry #{id}")));
        var (_, after) = await client.GetPageAsync($"/admin/enquiries/{id}");
        Assert.Equal("Запрос сохранён.", after.StatusMessage());
    }

    [Theory]
    [InlineData("Input.Status", "Erased", "Input.Status", "Выберите состояние из списка.")]
    [InlineData("Input.Assignee", "stranger@example.org", "Input.Assignee", "Выберите ответственного из списка.")]
    public async Task A_value_the_form_does_not_offer_is_refused_and_nothing_changes(string field, string value, string errorField, string message)
    {
        var id = await site.AddEnquiryAsync("Отказ");
        var client = await site.LogInAsync(await site.CreateAsync(MailDev.NewAddress("handler"), Roles.Marketer));

        var response = await client.SubmitFormAsync($"/admin/enquiries/{id}", new() { [field] = value, ["Input.Notes"] = "не сохранится" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, (await response.ParseAsync()).FieldError(errorField));
        Assert.Equal("Заметка Отказ", await site.WithDbAsync(db => db.Enquiries.Where(e => e.Id == id).Select(e => e.Notes).SingleAsync()));
    }

    [Fact]
    public async Task Of_two_simultaneous_saves_the_second_is_refused_with_a_clear_message_and_overwrites_nothing()
    {
        var id = await site.AddEnquiryAsync("Гонка");
        var first = await site.LogInAsync(await site.CreateAsync(MailDev.NewAddress("first"), Roles.Marketer));
        var second = await site.LogInAsync(await site.CreateAsync(MailDev.NewAddress("second"), Roles.Administrator));
        var (_, firstPage) = await first.GetPageAsync($"/admin/enquiries/{id}");
        var (_, secondPage) = await second.GetPageAsync($"/admin/enquiries/{id}");

        var saved = await first.SubmitAsync(firstPage.Form("main form"), new() { ["Input.Status"] = "Done", ["Input.Notes"] = "Первый" });
        var refused = await second.SubmitAsync(secondPage.Form("main form"), new() { ["Input.Status"] = "InProgress", ["Input.Notes"] = "Второй" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.StartsWith("Пока вы редактировали, этот запрос сохранил кто-то другой", page.QuerySelector(".form-errors")?.TextContent.Trim());
        Assert.Equal("Второй", page.QuerySelector<IHtmlTextAreaElement>("[name='Input.Notes']")?.Value);
        var stored = await site.WithDbAsync(db => db.Enquiries.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal((EnquiryStatus.Done, "Первый"), (stored.Status, stored.Notes));

        var again = await second.SubmitAsync(page.Form("main form"), []);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Второй", await site.WithDbAsync(db => db.Enquiries.Where(e => e.Id == id).Select(e => e.Notes).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_enquiry_is_404()
    {
        var client = await site.LogInAsync(await site.CreateAsync(MailDev.NewAddress("lost"), Roles.Marketer));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/enquiries/999999")).StatusCode);
    }

    private static async Task<List<string>> NamesAsync(HttpClient client, string query)
    {
        var (_, page) = await client.GetPageAsync("/admin/enquiries" + query);
        return page.QuerySelectorAll("table.enquiries tbody tr td:nth-child(2) a").Select(a => a.TextContent).ToList();
    }
}
