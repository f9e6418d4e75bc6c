using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Marketing.Imports;

/// <summary>The upload's own size limit (<c>Import:MaxFileBytes</c>), here set small.</summary>
public sealed class ImportLimitTests(ImportLimitTests.SiteWithSmallLimit site) : IClassFixture<ImportLimitTests.SiteWithSmallLimit>
{
    public sealed class SiteWithSmallLimit : ImportSite
    {
        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Import:MaxFileBytes"] = "1000";
            return settings;
        }
    }

    [Fact]
    public async Task A_file_over_the_limit_answers_413_with_a_message_and_leaves_nothing_behind()
    {
        var client = await site.LogInAsync(await site.CreateAsync("marketer@staraya-russa.test", Roles.Marketer));
        var file = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 100).Select(i => $"person{i:D4}@example.org\n")));

        var response = await client.UploadAsync(file);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Файл больше", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(0, await site.WithDbAsync(db => db.SubscriberImports.CountAsync()));
        Assert.Empty(Directory.Exists(site.Directory) ? Directory.GetFiles(site.Directory) : []);
    }

    [Fact]
    public async Task A_file_within_the_limit_is_taken()
    {
        var client = await site.LogInAsync(await site.CreateAsync("marketer2@staraya-russa.test", Roles.Marketer));

        var response = await client.UploadAsync(Encoding.UTF8.GetBytes("one@example.org\n"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
