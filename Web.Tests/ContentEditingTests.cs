using System.Diagnostics.CodeAnalysis;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Infrastructure.Seed;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>
/// An editor at work on the seed content: drafts, preview, publishing, history, slugs, conflicts.
/// Each test changes the content, so each gets a site and a database of its own.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes the site through IAsyncLifetime.DisposeAsync.")]
public sealed class ContentEditingTests : IAsyncLifetime
{
    private readonly SiteFactory site = new();

    /// <summary>
    /// Starts from seed content that has no history, as the profile and the pages have: the seed
    /// treatment's own revisions (its corrections, docs/decisions/0027) are set aside, what visitors see stays.
    /// </summary>
    public async Task InitializeAsync()
    {
        await site.InitializeAsync();
        await site.WithDbAsync(db => db.ContentRevisions.Where(r => r.Author == ContentSeeder.Author).ExecuteDeleteAsync());
    }

    public Task DisposeAsync() => ((IAsyncLifetime)site).DisposeAsync();

    private const string EnglishPage = "/en/treatments/lumbar-pain-syndrome";

    [Fact]
    public async Task A_saved_draft_is_invisible_until_published_and_the_preview_shows_it_as_the_public_page_would()
    {
        var editor = await EditorAsync("drafts@staraya-russa.test");
        var edit = await EditPathAsync();

        var saved = await SaveAsync(editor, edit, "Save", new() { ["en-Results"] = "Patients walk without pain after ten days." });
        var (_, publicBefore) = await site.CreateVisitor().GetPageAsync(EnglishPage);
        var (_, list) = await editor.GetPageAsync("/admin/content/treatments");
        var (previewResponse, preview) = await editor.GetPageAsync(edit.Replace("/edit/", "/") + "/preview/en");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain("Patients walk without pain", publicBefore.Body!.TextContent);
        Assert.Equal("опубликовано, есть черновик", list.QuerySelector("span.badge[data-lang=en]")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, previewResponse.StatusCode);
        Assert.Equal("en", preview.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Patients walk without pain after ten days.", preview.QuerySelector("#results")!.ParentElement!.TextContent);
        Assert.Equal("noindex", preview.QuerySelector("meta[name=robots]")?.GetAttribute("content"));

        Assert.NotNull((await editor.GetPageAsync(edit)).Document.QuerySelector("form[action*='handler=Discard']"));
        await SaveAsync(editor, edit, "Publish", []);
        var (_, publicAfter) = await site.CreateVisitor().GetPageAsync(EnglishPage);
        Assert.Contains("Patients walk without pain after ten days.", publicAfter.QuerySelector("main")!.TextContent);
        Assert.Null((await editor.GetPageAsync(edit)).Document.QuerySelector("form[action*='handler=Discard']"));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.User == "drafts@staraya-russa.test" && e.Action == "content.published")));
    }

    [Fact]
    public async Task An_old_revision_is_restored_as_a_new_draft_and_the_history_shows_what_changed()
    {
        var editor = await EditorAsync("history@staraya-russa.test");
        var edit = await EditPathAsync();
        await SaveAsync(editor, edit, "Save", new() { ["ru-Consequences"] = "Версия один." });
        await SaveAsync(editor, edit, "Save", new() { ["ru-Consequences"] = "Версия два." });
        var history = edit.Replace("/edit/", "/") + "/history";

        var (_, page) = await editor.GetPageAsync(history + "?show=2");
        var diff = page.QuerySelector(".diff")!;
        Assert.Contains("Версия один.", diff.QuerySelector("del")!.TextContent);
        Assert.Contains("Версия два.", diff.QuerySelector("ins")!.TextContent);

        var restore = page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.QuerySelector("input[name=number]")?.GetAttribute("value") == "1");
        var restored = await editor.SubmitAsync(restore, []);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);

        var (_, form) = await editor.GetPageAsync(edit);
        Assert.Equal("Версия один.", form.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Fields[ru-Consequences]']")!.Value);
        Assert.Equal(3, (await editor.GetPageAsync(history)).Document.QuerySelectorAll("tbody tr").Length);
        var (_, visitor) = await site.CreateVisitor().GetPageAsync("/treatments/poyasnichnyy-bolevoy-sindrom");
        Assert.DoesNotContain("Версия", visitor.QuerySelector("#consequences")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task A_changed_slug_keeps_the_old_address_working_with_a_301()
    {
        var editor = await EditorAsync("slugs@staraya-russa.test");
        var edit = await EditPathAsync("/admin/content/pages");

        await SaveAsync(editor, edit, "Publish", new() { ["en-Slug"] = "contraindications" });
        var visitor = site.CreateVisitor();
        var old = await visitor.GetAsync("/en/info/general-contraindications");
        var renamed = await visitor.GetAsync("/en/info/contraindications");
        var (_, treatment) = await visitor.GetPageAsync(EnglishPage);

        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/en/info/contraindications", old.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        // The treatment's link still says the old address, and still leads to the page.
        Assert.Contains(treatment.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/en/info/general-contraindications");
        Assert.Contains("/en/info/contraindications", await visitor.GetStringAsync("/sitemap.xml"));
    }

    [Fact]
    public async Task A_second_editor_saving_over_a_newer_version_is_told_and_loses_nothing()
    {
        var first = await EditorAsync("first@staraya-russa.test");
        var second = await EditorAsync("second@staraya-russa.test");
        var edit = await EditPathAsync("/admin/content/profiles");
        var (_, secondForm) = await second.GetPageAsync(edit);

        await SaveAsync(first, edit, "Save", new() { ["en-Summary"] = "First editor's summary." });
        var conflict = await second.SubmitAsync(
            secondForm.QuerySelector<IHtmlFormElement>("form.editor")!,
            new() { ["Input.Fields[en-Summary]"] = "Second editor's summary." },
            secondForm.QuerySelector("button[formaction*=Save]"));
        var page = await conflict.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("first@staraya-russa.test", page.QuerySelector(".conflict")?.TextContent);
        Assert.Equal("Second editor's summary.", page.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Fields[en-Summary]']")!.Value);
        Assert.Equal(1, await site.WithDbAsync(db => db.ContentRevisions.CountAsync(r => r.Author == "first@staraya-russa.test")));
        Assert.Equal(0, await site.WithDbAsync(db => db.ContentRevisions.CountAsync(r => r.Author == "second@staraya-russa.test")));

        // Having been told, the second editor saves again on top of the first one's version.
        var again = await second.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form.editor")!, [], page.QuerySelector("button[formaction*=Save]"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await site.WithDbAsync(db => db.ContentRevisions.CountAsync(r => r.Author == "second@staraya-russa.test")));
    }

    [Fact]
    public async Task A_new_treatment_gets_a_transliterated_slug_and_is_missing_in_English_until_translated()
    {
        var editor = await EditorAsync("creator@staraya-russa.test");

        var created = await SaveAsync(editor, "/admin/content/treatments/edit", "Publish", new()
        {
            ["ru-Title"] = "Лечение шейного остеохондроза",
            ["ru-Lead"] = "Боль в шее и плечах.",
        });
        var visitor = site.CreateVisitor();
        var (russian, page) = await visitor.GetPageAsync("/treatments/lechenie-sheynogo-osteokhondroza");
        var (_, list) = await editor.GetPageAsync("/admin/content/treatments?q=шейного");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, russian.StatusCode);
        Assert.Equal("Лечение шейного остеохондроза", page.QuerySelector("h1")?.TextContent);
        Assert.Single(list.QuerySelectorAll("tbody tr"));
        Assert.Equal("нет перевода", list.QuerySelector("span.badge[data-lang=en]")?.TextContent);
    }

    [Theory]
    [InlineData("en-Slug", "Not A Slug!", "Адрес может содержать только строчные латинские буквы, цифры и одиночные дефисы.")]
    [InlineData("ru-Slug", "poyasnichnyy--bolevoy", "Адрес может содержать только строчные латинские буквы, цифры и одиночные дефисы.")]
    [InlineData("ru-Slug", "poyasnichnyy-bolevoy-sindrom", "Этот адрес уже занят другой страницей.")]
    public async Task A_bad_or_taken_slug_is_refused_on_its_field_and_nothing_is_saved(string field, string value, string message)
    {
        var editor = await EditorAsync("slug-rules@staraya-russa.test");
        await SaveAsync(editor, "/admin/content/treatments/edit", "Save", new() { ["ru-Title"] = "Вторая программа" });
        var edit = (await editor.GetPageAsync("/admin/content/treatments?q=Вторая")).Document.QuerySelector("tbody a")!.GetAttribute("href")!;
        var before = await site.WithDbAsync(db => db.ContentRevisions.CountAsync());

        var response = await SaveAsync(editor, edit, "Save", new() { ["en-Title"] = "Second programme", [field] = value });
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, page.QuerySelector($"#{field}-error")!.TextContent);
        Assert.Contains($"{field}-error", page.QuerySelector($"#{field}")!.GetAttribute("aria-describedby"));
        Assert.Equal("Second programme", page.QuerySelector<IHtmlInputElement>("#en-Title")!.Value);
        Assert.Equal(before, await site.WithDbAsync(db => db.ContentRevisions.CountAsync()));
    }

    [Fact]
    public async Task A_huge_body_is_refused_with_a_clear_message()
    {
        var editor = await EditorAsync("huge@staraya-russa.test");

        var response = await SaveAsync(editor, await EditPathAsync(), "Save", new() { ["en-Description"] = new string('x', 100_001) });
        var page = await response.ParseAsync();

        Assert.Equal("Слишком длинный текст для этого поля.", page.QuerySelector("#en-Description-error")?.TextContent);
    }

    [Fact]
    public async Task The_first_revision_is_compared_with_the_published_text()
    {
        var editor = await EditorAsync("first-revision@staraya-russa.test");
        var edit = await EditPathAsync();
        var published = await PublishedEnglishResultsAsync();

        await SaveAsync(editor, edit, "Save", new() { ["en-Results"] = "Patients walk without pain after ten days." });
        var (_, history) = await editor.GetPageAsync(edit.Replace("/edit/", "/") + "/history");

        Assert.Single(history.QuerySelectorAll("tbody tr"));
        var diff = Assert.Single(history.QuerySelectorAll(".diff"));
        Assert.Equal("Результаты лечения (Английский)", diff.QuerySelector("h3")!.TextContent);
        Assert.Contains(published.Split('\n')[0], diff.QuerySelector("del")!.TextContent);
        Assert.Equal("+ Patients walk without pain after ten days.", Assert.Single(diff.QuerySelectorAll("ins")).TextContent.Trim());
    }

    [Fact]
    public async Task Discarding_the_draft_brings_the_editor_back_to_the_published_text_and_keeps_the_discarded_revision()
    {
        var editor = await EditorAsync("discard@staraya-russa.test");
        var edit = await EditPathAsync();
        var published = await PublishedEnglishResultsAsync();
        await SaveAsync(editor, edit, "Save", new() { ["en-Results"] = "A draft to throw away." });
        var (_, page) = await editor.GetPageAsync(edit);
        var discard = page.Form("form[action*='handler=Discard']");

        var forged = await editor.PostAsync(discard.Action, new FormUrlEncodedContent([new("revision", "1")]));
        var discarded = await editor.SubmitAsync(discard, []);
        var (_, form) = await editor.GetPageAsync(edit);
        var (_, list) = await editor.GetPageAsync("/admin/content/treatments");
        var (_, history) = await editor.GetPageAsync(edit.Replace("/edit/", "/") + "/history");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        Assert.StartsWith("Черновик отменён", form.StatusMessage());
        Assert.Equal(published.Trim(), form.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Fields[en-Results]']")!.Value.Trim());
        Assert.Null(form.QuerySelector("form[action*='handler=Discard']"));
        Assert.Equal("опубликовано", list.QuerySelector("span.badge[data-lang=en]")?.TextContent);
        Assert.Equal(2, history.QuerySelectorAll("tbody tr").Length);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.User == "discard@staraya-russa.test" && e.Action == "content.discarded")));
        Assert.Equal(published, await PublishedEnglishResultsAsync());
    }

    [Fact]
    public async Task A_history_of_revisions_with_100000_character_fields_answers()
    {
        var editor = await EditorAsync("big-history@staraya-russa.test");
        var edit = await EditPathAsync();
        // 50,000 one-letter lines: the worst case for a line-by-line comparison.
        static string Letters(Func<int, int> letter) => string.Join("\n", Enumerable.Range(0, 50_000).Select(i => (char)('a' + letter(i) % 26)));
        var first = Letters(i => i);
        var rewritten = Letters(i => i * 7);
        var oneLineChanged = first[..50_000] + "X" + first[50_001..];
        await site.WithDbAsync(async db =>
        {
            var treatment = await db.Treatments.Include(t => t.Translations).SingleAsync();
            Draft With(Func<string, string> text)
            {
                var draft = treatment.ToDraft();
                foreach (var fields in draft.Languages.Values)
                {
                    foreach (var field in ContentKinds.Treatment.Fields.Where(ContentFields.IsMarkdown))
                    {
                        fields[field] = text(field);
                    }
                }

                return draft;
            }

            db.ContentRevisions.Add(new ContentRevision(ContentKind.Treatment, treatment.Id, 1, DateTimeOffset.UtcNow, "big-history@staraya-russa.test", With(_ => first)));
            db.ContentRevisions.Add(new ContentRevision(ContentKind.Treatment, treatment.Id, 2, DateTimeOffset.UtcNow, "big-history@staraya-russa.test",
                With(field => field is ContentFields.Lead or ContentFields.Description or ContentFields.Procedures ? rewritten : oneLineChanged)));
            await db.SaveChangesAsync();
        });

        foreach (var show in new[] { 2, 1 })
        {
            using var generous = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var response = await editor.GetAsync(edit.Replace("/edit/", "/") + $"/history?show={show}", generous.Token);
            var page = await response.ParseAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(page.QuerySelectorAll(".diff h3"), h => h.TextContent == "Вступление (Английский)");
        }
    }

    public static TheoryData<string> DeepMarkdown => new()
    {
        new string('>', 128) + " x",
        string.Concat(Enumerable.Repeat("- ", 64)) + "x",
        new string('[', 2001) + "x",
        string.Concat(Enumerable.Repeat("*a_", 1001)),
    };

    [Theory]
    [MemberData(nameof(DeepMarkdown))]
    public async Task Markdown_nested_too_deeply_is_refused_on_its_field_and_nothing_is_saved(string markdown)
    {
        var editor = await EditorAsync("deep@staraya-russa.test");

        var response = await SaveAsync(editor, await EditPathAsync(), "Publish", new() { ["en-Description"] = markdown });
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            "Разметка слишком сложна: цитаты или списки вложены слишком глубоко, либо квадратных скобок или знаков выделения (* и _) больше 2000. Упростите её.",
            page.QuerySelector("#en-Description-error")?.TextContent);
        Assert.Equal(markdown, page.QuerySelector<IHtmlTextAreaElement>("#en-Description")!.Value);
        Assert.Equal(0, await site.WithDbAsync(db => db.ContentRevisions.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync(EnglishPage)).StatusCode);
    }

    [Fact]
    public async Task Markdown_nested_too_deeply_that_is_already_stored_is_shown_as_text_and_the_page_still_answers()
    {
        var editor = await EditorAsync("deep-stored@staraya-russa.test");
        var edit = await EditPathAsync();
        await site.WithDbAsync(async db =>
        {
            var english = await db.TreatmentTranslations.SingleAsync(t => t.Language == Language.En);
            english.Description = new string('>', 128) + " a deep quote";
            english.Results = string.Concat(Enumerable.Repeat("- ", 64)) + "a deep list";
            english.Consequences = new string('*', 50_000) + "deep emphasis" + new string('*', 50_000);
            await db.SaveChangesAsync();
        });

        foreach (var (client, path) in new[] { (site.CreateVisitor(), EnglishPage), (editor, edit.Replace("/edit/", "/") + "/preview/en") })
        {
            var (response, page) = await client.GetPageAsync(path);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var main = page.QuerySelector("main")!.TextContent;
            Assert.Contains(new string('>', 128) + " a deep quote", main);
            Assert.Contains("a deep list", main);
            Assert.Contains("deep emphasis", main);
        }
    }

    [Fact]
    public async Task Six_editors_publishing_the_same_address_at_once_one_wins_and_the_others_are_told_with_nothing_created()
    {
        var editors = new List<(HttpClient Client, AngleSharp.Dom.IDocument Form)>();
        for (var i = 0; i < 6; i++)
        {
            var client = await EditorAsync($"race-{i}@staraya-russa.test");
            editors.Add((client, (await client.GetPageAsync("/admin/content/treatments/edit")).Document));
        }

        var responses = await Task.WhenAll(editors.Select(e => e.Client.SubmitAsync(
            e.Form.QuerySelector<IHtmlFormElement>("form.editor")!,
            new() { ["Input.Fields[ru-Title]"] = "Одновременная программа" },
            e.Form.QuerySelector("button[formaction*=Publish]"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal("Этот адрес уже занят другой страницей.", (await refused.ParseAsync()).QuerySelector("#ru-Slug-error")?.TextContent);
        }

        Assert.Equal(2, await site.WithDbAsync(db => db.Treatments.CountAsync()));
        Assert.Equal(1, await site.WithDbAsync(db => db.ContentRevisions.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync("/treatments/odnovremennaya-programma")).StatusCode);
    }

    [Theory]
    [InlineData("99999999999")]
    [InlineData("NaN")]
    [InlineData("1e5")]
    public async Task A_sort_order_that_is_not_a_whole_number_in_range_is_refused_and_nothing_is_saved(string order)
    {
        var editor = await EditorAsync("order@staraya-russa.test");

        var response = await SaveAsync(editor, await EditPathAsync(), "Publish", [], new() { ["SortOrder"] = order });
        var page = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Введите целое число от 0 до 9999.", page.FieldError("Input.Shared[SortOrder]"));
        Assert.Equal(0, await site.WithDbAsync(db => db.ContentRevisions.CountAsync()));
    }

    [Fact]
    public async Task Shared_fields_a_kind_does_not_have_are_not_stored()
    {
        var editor = await EditorAsync("shared@staraya-russa.test");
        var junk = Enumerable.Range(0, 900).ToDictionary(i => $"junk{i}", _ => new string('j', 1000));

        var response = await SaveAsync(editor, await EditPathAsync(), "Save", [], junk);
        var stored = await site.WithDbAsync(db => db.ContentRevisions.Select(r => r.Data).ToListAsync());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.All(stored, data => Assert.DoesNotContain("junk", data));
    }

    [Fact]
    public async Task A_page_that_takes_another_pages_old_address_answers_there_and_is_not_redirected_away()
    {
        var editor = await EditorAsync("old-address@staraya-russa.test");
        await SaveAsync(editor, await EditPathAsync("/admin/content/pages"), "Publish", new() { ["en-Slug"] = "contraindications" });

        var created = await SaveAsync(editor, "/admin/content/pages/edit", "Publish", new()
        {
            ["en-Title"] = "Visiting hours",
            ["en-Slug"] = "general-contraindications",
        });
        var visitor = site.CreateVisitor();
        var (response, page) = await visitor.GetPageAsync("/en/info/general-contraindications");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Visiting hours", page.QuerySelector("h1")?.TextContent);
        Assert.False(await site.WithDbAsync(db => db.SlugRedirects.AnyAsync(r => r.OldSlug == "general-contraindications")));

        // Taken off the site, the new page leaves its address empty rather than handing it back.
        var (_, newPage) = await editor.GetPageAsync(created.Headers.Location!.OriginalString);
        await editor.SubmitAsync(newPage.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.QuerySelector("input[name=language][value=en]") is not null), []);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/en/info/general-contraindications")).StatusCode);
    }

    [Fact]
    public async Task Unpublishing_one_language_makes_it_404_and_leaves_the_other()
    {
        var editor = await EditorAsync("unpublish@staraya-russa.test");
        var edit = await EditPathAsync();
        var (_, page) = await editor.GetPageAsync(edit);

        var form = page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.QuerySelector("input[name=language][value=en]") is not null);
        await editor.SubmitAsync(form, []);

        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync(EnglishPage)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync("/treatments/poyasnichnyy-bolevoy-sindrom")).StatusCode);

        // Publishing again brings it back.
        await SaveAsync(editor, edit, "Publish", []);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync(EnglishPage)).StatusCode);
    }

    [Fact]
    public async Task Contact_details_edited_in_the_back_office_show_in_every_page_header_and_footer()
    {
        var editor = await EditorAsync("contacts@staraya-russa.test");
        var (_, form) = await editor.GetPageAsync("/admin/content/contacts");

        var refused = await editor.SubmitAsync(form.QuerySelector<IHtmlFormElement>("main form")!, new() { ["Input.Phone"] = "call us!" });
        Assert.Equal("Номер может содержать цифры, пробелы, скобки, дефисы и + в начале.", (await refused.ParseAsync()).QuerySelector("#phone-error")?.TextContent);

        var saved = await editor.SubmitAsync(form.QuerySelector<IHtmlFormElement>("main form")!, new()
        {
            ["Input.Phone"] = "+7 (81652) 5-00-00",
            ["Input.AddressEn"] = "62 Mineralnaya Street, Staraya Russa",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, page) = await site.CreateVisitor().GetPageAsync(EnglishPage);
        var phone = page.QuerySelector("header a.phone")!;
        Assert.Equal("+7 (81652) 5-00-00", phone.TextContent);
        Assert.Equal("tel:+78165250000", phone.GetAttribute("href"));
        Assert.Contains("62 Mineralnaya Street, Staraya Russa", page.QuerySelector("footer")!.TextContent);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "contacts.saved")));
    }

    private async Task<HttpClient> EditorAsync(string email) =>
        await site.LogInAsync(await site.CreateAsync(email, Roles.Editor));

    /// <summary>The edit page of the first item in a content list, found as an editor would: by following the link.</summary>
    private async Task<string> EditPathAsync(string list = "/admin/content/treatments")
    {
        var admin = await site.LogInAsync("admin@staraya-russa.test", "Correct-Horse-42");
        var (_, page) = await admin.GetPageAsync(list);
        return page.QuerySelector("tbody a")!.GetAttribute("href")!;
    }

    /// <summary>The seed treatment's published English "treatment results".</summary>
    private Task<string> PublishedEnglishResultsAsync() =>
        site.WithDbAsync(db => db.TreatmentTranslations.Where(t => t.Language == Language.En).Select(t => t.Results).SingleAsync());

    /// <summary>Fills the edit form (field keys like "en-Title", shared keys like "SortOrder") and presses Save or Publish.</summary>
    private static async Task<HttpResponseMessage> SaveAsync(
        HttpClient editor,
        string edit,
        string button,
        Dictionary<string, string> fields,
        Dictionary<string, string>? shared = null)
    {
        var (_, page) = await editor.GetPageAsync(edit);
        return await editor.SubmitAsync(
            page.QuerySelector<IHtmlFormElement>("form.editor")!,
            fields.Select(f => KeyValuePair.Create($"Input.Fields[{f.Key}]", f.Value))
                .Concat((shared ?? []).Select(f => KeyValuePair.Create($"Input.Shared[{f.Key}]", f.Value)))
                .ToDictionary(),
            page.QuerySelector($"button[formaction*={button}]"));
    }
}
