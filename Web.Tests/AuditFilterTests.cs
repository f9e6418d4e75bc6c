using System.Net;
using Sanatorium.Core.Audit;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>The audit log's filters take whatever an address carries: a date out of range is refused at its field, a NUL with 400.</summary>
public sealed class AuditFilterTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("from", "0001-01-01")]
    [InlineData("to", "9999-12-31")]
    [InlineData("from", "1999-12-31")]
    [InlineData("to", "2100-01-01")]
    public async Task A_date_out_of_range_is_refused_at_its_field_and_the_log_is_shown_unfiltered_by_it(string field, string date)
    {
        var action = $"test.{field}.{date}";
        await site.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry(new DateTimeOffset(2025, 5, 1, 9, 0, 0, TimeSpan.Zero), "dates@staraya-russa.test", action, "dated", ""));
            await db.SaveChangesAsync();
        });
        var admin = await site.LogInAsync("admin@staraya-russa.test", "Correct-Horse-42");

        var (response, page) = await admin.GetPageAsync($"/admin/audit?action={action}&{field}={date}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Укажите дату с 2000-01-01 по 2099-12-31.", page.FieldError(field));
        Assert.Equal("", page.QuerySelector($"input[name={field}]")!.GetAttribute("value") ?? "");
        Assert.Equal(["dated"], page.QuerySelectorAll("tbody tr").Select(r => r.Children[3].TextContent));
    }

    [Theory]
    [InlineData("user")]
    [InlineData("action")]
    public async Task A_NUL_character_in_a_text_filter_answers_400_with_a_page_that_says_why(string field)
    {
        var admin = await site.LogInAsync("admin@staraya-russa.test", "Correct-Horse-42");

        var (response, page) = await admin.GetPageAsync($"/admin/audit?{field}=%00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Запрос не принят", page.QuerySelector("h1")?.TextContent.Trim());
    }
}
