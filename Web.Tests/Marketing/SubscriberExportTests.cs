using System.Net;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Subscribers;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Marketing;

/// <summary>The CSV export: the list's filter, every column, formulas defused, an audit entry.</summary>
public sealed class SubscriberExportTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task The_export_is_a_csv_download_of_the_filtered_subscribers_only()
    {
        var attested = SubscriberData.New("attested@export.test", source: SubscriberSource.Import);
        attested.Name = "Ирина";
        attested.ConsentSource = "import 12";
        attested.ConsentAttestedBy = "marketer@staraya-russa.test";
        await site.AddAsync(
            attested,
            SubscriberData.New("pending@export.test", status: SubscriberStatus.Pending),
            SubscriberData.New("english@export.test", language: Language.En),
            SubscriberData.New("other@elsewhere.test"));
        var admin = await site.LogInAsAdministratorAsync();

        var response = await admin.GetAsync("/admin/marketing/subscribers/export?q=export.test&status=confirmed&language=ru");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(
            "email,name,language,status,source,created,confirmed,unsubscribed,consent_at,consent_source,consent_language,consent_attested_by",
            lines[0]);
        Assert.Equal(
            "attested@export.test,Ирина,ru,confirmed,import,2026-11-02T12:00:00+03:00,2026-11-02T13:00:00+03:00,,2026-11-02T12:00:00+03:00,import 12,ru,marketer@staraya-russa.test",
            Assert.Single(lines[1..]));
        var audit = await site.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.SubscribersExported && e.Details.Contains("language=ru")));
        Assert.Equal(SubscriberData.Administrator, audit.User);
        Assert.DoesNotContain("export.test", audit.Details);
        Assert.Contains("status=confirmed", audit.Details);
    }

    [Fact]
    public async Task Cells_that_would_start_a_formula_get_an_apostrophe()
    {
        var formula = SubscriberData.New("=hyperlink@formula.test");
        formula.Name = "=HYPERLINK(\"http://evil.test\",\"click\")";
        var plus = SubscriberData.New("+7@formula.test");
        plus.Name = "@SUM(A1)";
        var minus = SubscriberData.New("-1@formula.test");
        minus.Name = "Анна";
        await site.AddAsync(formula, plus, minus);
        var admin = await site.LogInAsAdministratorAsync();

        var csv = await admin.GetStringAsync("/admin/marketing/subscribers/export?q=formula.test");

        Assert.Contains("\"'-1@formula.test\",Анна,", csv);
        Assert.Contains("\"'+7@formula.test\",\"'@SUM(A1)\",", csv);
        Assert.Contains("\"'=hyperlink@formula.test\",\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"click\"\")\",", csv);
        Assert.DoesNotContain("\n=", csv);
        Assert.DoesNotContain(",=", csv);
    }

    [Fact]
    public async Task A_large_export_streams_every_row_in_order()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await site.AddAsync(Enumerable.Range(0, 5000).Select(i => SubscriberData.New($"bulk{i:D5}.with-a-longer-local-part@bulk.test", at: start.AddSeconds(i))).ToArray());
        var admin = await site.LogInAsAdministratorAsync();

        var response = await admin.GetAsync("/admin/marketing/subscribers/export?q=bulk.test", HttpCompletionOption.ResponseHeadersRead);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5001, lines.Length);
        Assert.StartsWith("bulk04999.", lines[1]);
        Assert.StartsWith("bulk00000.", lines[^1]);
    }
}
