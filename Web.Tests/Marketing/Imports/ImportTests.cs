using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Core;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Infrastructure.Subscribers;
using Sanatorium.Web.Tests.Infrastructure;
using Sanatorium.Web.Tests.Newsletter;

namespace Sanatorium.Web.Tests.Marketing.Imports;

/// <summary>
/// A marketer imports a CSV file through the back office: upload, preview, mapping, the background
/// import, and what it stored, kept, skipped and refused.
/// </summary>
public sealed class ImportTests(ImportSite site) : IClassFixture<ImportSite>
{
    private const string Marketer = "marketer@staraya-russa.test";

    [Fact]
    public async Task A_file_with_bad_rows_imports_its_good_rows_merges_duplicates_and_lists_the_bad_ones_with_line_and_reason()
    {
        var client = await MarketerAsync();
        await site.WithDbAsync(async db =>
        {
            db.Subscribers.Add(new Subscriber("kept@example.org", Language.Ru, SubscriberSource.Form, DateTimeOffset.UtcNow) { Status = SubscriberStatus.Confirmed });
            db.Subscribers.Add(new Subscriber("left@example.org", Language.Ru, SubscriberSource.Form, DateTimeOffset.UtcNow) { Status = SubscriberStatus.Unsubscribed });
            await db.SaveChangesAsync();
        });
        var hasher = site.Services.GetRequiredService<SubscriberHasher>();
        await site.WithDbAsync(async db =>
        {
            db.SuppressedAddresses.Add(new SuppressedAddress(await hasher.HashAsync("erased@example.org", default), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });
        var csv = """
            email,language,name
            new1@example.org,en,Anna
            NEW1@Example.org,ru,Duplicate
            kept@example.org,,Kept Name
            left@example.org,ru,Left
            erased@example.org,ru,Erased
            not-an-address,ru,Bad
            ivanov@почта.рф,de,Bad language
            "broken"quote@example.org,ru,X
            petrov@example.org,ru,Пётр
            """;

        var preview = await client.UploadToPreviewAsync(Encoding.UTF8.GetBytes(csv));

        Assert.Contains("new1@example.org", preview.QuerySelector("table.preview")!.TextContent);
        Assert.Equal("0", preview.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("[name='Input.EmailColumn']")!.Value);
        var import = await client.StartAndWaitAsync(site, preview, SubscriberImportMode.Attested);

        Assert.Equal(SubscriberImportStatus.Done, import.Status);
        Assert.Equal((9, 2, 2, 2, 3), (import.Rows, import.Added, import.Merged, import.Skipped, import.BadRows));
        var subscribers = await site.WithDbAsync(db => db.Subscribers.AsNoTracking().ToDictionaryAsync(s => s.Email));
        Assert.Subset(subscribers.Keys.ToHashSet(), new HashSet<string> { "kept@example.org", "left@example.org", "new1@example.org", "petrov@example.org" });
        Assert.DoesNotContain("erased@example.org", subscribers.Keys);
        var anna = subscribers["new1@example.org"];
        Assert.Equal((SubscriberStatus.Confirmed, Language.En, "Anna", SubscriberSource.Import), (anna.Status, anna.Language, anna.Name, anna.Source));
        Assert.Equal((Marketer, $"import {import.Id}"), (anna.ConsentAttestedBy, anna.ConsentSource));
        Assert.NotNull(anna.ConsentAt);
        Assert.NotNull(anna.ConfirmedAt);
        var kept = subscribers["kept@example.org"];
        Assert.Equal((SubscriberStatus.Confirmed, SubscriberSource.Form, "Kept Name", null), (kept.Status, kept.Source, kept.Name, kept.ConsentAttestedBy));
        var left = subscribers["left@example.org"];
        Assert.Equal((SubscriberStatus.Unsubscribed, null), (left.Status, left.Name));
        var history = await site.WithDbAsync(db => db.SubscriberEvents
            .Where(e => e.Kind == SubscriberEventKind.Imported && e.Details.StartsWith($"import {import.Id}:")).Select(e => e.SubscriberId).ToListAsync());
        // An existing subscriber the import met gets a history line; a new one's consent record names the import.
        Assert.Equal([kept.Id], history);
        foreach (var met in new[] { anna, kept })
        {
            var (_, details) = await client.GetPageAsync($"/admin/marketing/subscribers/{met.Id}");
            Assert.Contains(
                details.QuerySelectorAll("table.history tbody tr"),
                row => row.TextContent.Contains("импортирован", StringComparison.Ordinal) && row.TextContent.Contains($"import {import.Id}", StringComparison.Ordinal));
        }

        var (_, page) = await client.GetPageAsync($"{ImportSteps.ImportsPath}/details/{import.Id}");
        var badRows = page.QuerySelectorAll("table.bad-rows tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, badRows.Count);
        Assert.Contains("7", page.QuerySelectorAll("table.bad-rows tbody tr td:first-child")[0].TextContent);
        Assert.Contains("неверный адрес e-mail", badRows[0]);
        Assert.Contains("язык не ru и не en", badRows[1]);
        Assert.Contains("неправильные кавычки", badRows[2]);
        var download = await client.GetAsync($"{ImportSteps.ImportsPath}/details/{import.Id}?handler=BadRows");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        var lines = (await download.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("7,неверный адрес e-mail,", lines[1]);
        Assert.StartsWith("8,язык не ru и не en,", lines[2]);
        Assert.StartsWith("9,", lines[3]);
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.SubscribersImportStarted && e.User == Marketer && e.Target == $"import {import.Id}")));
    }

    [Fact]
    public async Task A_file_with_semicolons_a_byte_order_mark_and_no_header_is_read_and_confirm_mode_stores_pending_subscribers_each_with_a_confirmation_mail()
    {
        var client = await MarketerAsync();
        var csv = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("semi1@example.org;en;Semi One\r\nsemi2@example.org;;Семён\r\n")).ToArray();

        var preview = await client.UploadToPreviewAsync(csv);

        Assert.Equal(";", preview.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("[name='Input.Delimiter']")!.Value);
        Assert.False(preview.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("[name='Input.HasHeader'][type=checkbox]")!.IsChecked);
        var import = await client.StartAndWaitAsync(site, preview, SubscriberImportMode.Confirm, new() { ["Input.NameColumn"] = "2", ["Input.LanguageColumn"] = "1" });

        Assert.Equal((SubscriberImportStatus.Done, 2L, 0L), (import.Status, import.Added, import.BadRows));
        var semi = await site.WithDbAsync(db => db.Subscribers.AsNoTracking().Where(s => s.Email.StartsWith("semi")).OrderBy(s => s.Email).ToListAsync());
        Assert.Equal(["semi1@example.org", "semi2@example.org"], semi.Select(s => s.Email));
        Assert.All(semi, s => Assert.Equal((SubscriberStatus.Pending, null, null, $"import {import.Id}"), (s.Status, s.ConsentAttestedBy, s.ConsentAt, s.ConsentSource)));
        Assert.Equal(("Semi One", Language.En), (semi[0].Name, semi[0].Language));
        Assert.Equal(("Семён", Language.Ru), (semi[1].Name, semi[1].Language));

        // Each new subscriber gets one confirmation mail, queued in the outbox after the import (and
        // perhaps already sent, which takes the row out of the outbox).
        foreach (var subscriber in semi)
        {
            await Eventually.HoldsAsync(async () => await site.MailsMadeForAsync(subscriber.Id) > 0, $"a confirmation mail for {subscriber.Email}");
            Assert.Equal(1, await site.MailsMadeForAsync(subscriber.Id));
        }
        Assert.Equal(import.AddedToId, await site.WithDbAsync(db => db.SubscriberImports.Where(i => i.Id == import.Id).Select(i => i.ConfirmationsQueuedToId).SingleAsync()));
    }

    [Theory]
    [InlineData(new byte[0], "Файл пуст")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D }, "Это не CSV-файл")]
    [InlineData(new byte[] { 0xE8, 0xE2, 0xE0, 0xED, 0xEE, 0xE2, 0x40, 0x65, 0x78, 0x2E, 0x72, 0x75 }, "не в кодировке UTF-8")]
    public async Task An_empty_binary_or_non_utf8_file_gets_a_clear_message_and_nothing_is_stored(byte[] file, string message)
    {
        var client = await MarketerAsync();
        var before = await site.WithDbAsync(db => db.SubscriberImports.CountAsync());
        var filesBefore = Files();

        var response = await client.UploadAsync(file, "list.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(before, await site.WithDbAsync(db => db.SubscriberImports.CountAsync()));
        Assert.Equal(filesBefore, Files());
    }

    [Fact]
    public async Task The_upload_without_its_antiforgery_token_is_refused_and_stores_nothing()
    {
        var client = await MarketerAsync();
        var before = await site.WithDbAsync(db => db.SubscriberImports.CountAsync());
        using var body = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("forged@example.org\n")), "file", "forged.csv" },
        };

        var response = await client.PostAsync(ImportSteps.ImportsPath + "/new", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await site.WithDbAsync(db => db.SubscriberImports.CountAsync()));
    }

    [Fact]
    public async Task An_editor_gets_403_for_the_imports_and_their_upload()
    {
        var editor = await site.CreateAsync("editor@staraya-russa.test", Roles.Editor);
        var client = await site.LogInAsync(editor);
        using var body = new MultipartFormDataContent { { new ByteArrayContent([1]), "file", "x.csv" } };

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(ImportSteps.ImportsPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(ImportSteps.ImportsPath + "/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(ImportSteps.ImportsPath + "/new", body)).StatusCode);
    }

    [Fact]
    public async Task A_missing_address_column_or_consent_choice_is_asked_for_and_nothing_starts()
    {
        var client = await MarketerAsync();
        var preview = await client.UploadToPreviewAsync(Encoding.UTF8.GetBytes("email\nnobody@example.org\n"));
        var form = preview.Form();

        var response = await client.SubmitAsync(form, new() { ["Input.EmailColumn"] = "7" }, form.QuerySelector("button[formaction*='handler=Start']"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("нет такого столбца", page.FieldError("Input.EmailColumn"));
        Assert.Contains("как получено согласие", page.QuerySelector("#mode-error")!.TextContent);
        var id = long.Parse(preview.Url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(SubscriberImportStatus.Uploaded, await site.WithDbAsync(db => db.SubscriberImports.Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_import_whose_worker_crashed_is_taken_up_again_and_one_that_crashed_too_often_fails()
    {
        Directory.CreateDirectory(site.Directory);
        var file = Path.Combine(site.Directory, "crashed.csv");
        await File.WriteAllTextAsync(file, "email\ncrash@example.org\n");
        var crashed = new SubscriberImport(Marketer, DateTimeOffset.UtcNow, "crashed.csv", file, 24)
        {
            Status = SubscriberImportStatus.Running, HasHeader = true, Attempts = 1, LeaseUntil = DateTimeOffset.UtcNow.AddMinutes(-1),
        };
        var hopeless = new SubscriberImport(Marketer, DateTimeOffset.UtcNow, "hopeless.csv", file + ".missing", 24)
        {
            Status = SubscriberImportStatus.Running, Attempts = SubscriberImport.MaxAttempts, LeaseUntil = DateTimeOffset.UtcNow.AddMinutes(-1),
        };
        await site.WithDbAsync(async db =>
        {
            db.SubscriberImports.AddRange(crashed, hopeless);
            await db.SaveChangesAsync();
        });

        site.Services.GetRequiredService<ImportWorker>().Wake();

        var done = await site.FinishedImportAsync(crashed.Id);
        Assert.Equal((SubscriberImportStatus.Done, 1L, 2), (done.Status, done.Added, done.Attempts));
        var failed = await site.FinishedImportAsync(hopeless.Id);
        Assert.Equal((SubscriberImportStatus.Failed, nameof(ImportFailure.GaveUp)), (failed.Status, failed.Error));
        var client = await MarketerAsync();
        var (_, page) = await client.GetPageAsync($"{ImportSteps.ImportsPath}/details/{hopeless.Id}");
        Assert.Contains("прерывался 3 раза", page.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task A_running_import_shows_a_progress_bar_and_reloads_itself()
    {
        var client = await MarketerAsync();
        var running = new SubscriberImport(Marketer, DateTimeOffset.UtcNow, "big.csv", Path.Combine(site.Directory, "big.csv"), 2_000_000)
        {
            Status = SubscriberImportStatus.Running, Attempts = 1, LeaseUntil = DateTimeOffset.UtcNow.AddHours(1), BytesProcessed = 500_000, Rows = 12_345,
        };
        await site.WithDbAsync(async db =>
        {
            db.SubscriberImports.Add(running);
            await db.SaveChangesAsync();
        });

        var (response, page) = await client.GetPageAsync($"{ImportSteps.ImportsPath}/details/{running.Id}");

        Assert.Equal("2", response.Headers.GetValues("Refresh").Single());
        var progress = page.QuerySelector("progress")!;
        Assert.Equal(("2000000", "500000"), (progress.GetAttribute("max"), progress.GetAttribute("value")));
        Assert.Contains("12", page.QuerySelector("main")!.TextContent);
        var (_, list) = await client.GetPageAsync(ImportSteps.ImportsPath);
        Assert.Contains("big.csv", list.QuerySelector("table")!.TextContent);
    }

    private int Files() => Directory.Exists(site.Directory) ? Directory.GetFiles(site.Directory).Length : 0;

    private async Task<HttpClient> MarketerAsync()
    {
        if (!await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == Marketer)))
        {
            await site.CreateAsync(Marketer, Roles.Marketer);
        }

        return await site.LogInAsync(Marketer);
    }
}
