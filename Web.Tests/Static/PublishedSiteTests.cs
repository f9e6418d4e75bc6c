using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Static;

/// <summary>
/// The site published and started as an operator starts it, <c>dotnet /srv/site/Sanatorium.Web.dll</c>,
/// from some other working directory: it still finds its wwwroot (its content root is its own folder).
/// </summary>
public sealed class PublishedSiteTests
{
    [Fact]
    public async Task Started_from_another_folder_the_published_site_serves_its_static_files_fingerprinted_kept_for_a_year_and_precompressed()
    {
        var folder = Directory.CreateTempSubdirectory("sanatorium-published-");
        var elsewhere = Directory.CreateTempSubdirectory("sanatorium-elsewhere-");
        var connectionString = await PostgresServer.NewDatabaseAsync();
        try
        {
            await PublishAsync(folder.FullName);
            await using var site = new RunningSite(connectionString, new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, folder.FullName, elsewhere.FullName);
            await site.StartAsync();
            using var visitor = new HttpClient { BaseAddress = site.Address };

            var file = await visitor.GetAsync("/css/site.css");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder.FullName, "wwwroot", "css", "site.css")), await file.Content.ReadAsByteArrayAsync());

            var (_, page) = await visitor.GetPageAsync("/");
            var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
            Assert.Matches(@"^/css/site\.\w+\.css$", stylesheet);
            var fingerprinted = await visitor.GetAsync(stylesheet);
            Assert.True(fingerprinted.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365), $"Cache-Control: {fingerprinted.Headers.CacheControl}");
            Assert.Contains("immutable", fingerprinted.Headers.CacheControl?.ToString());
            Assert.NotNull(fingerprinted.Headers.ETag);
            foreach (var encoding in new[] { "br", "gzip" }) // compressed at publish
            {
                var request = new HttpRequestMessage(HttpMethod.Get, stylesheet);
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
                var compressed = await visitor.SendAsync(request);
                Assert.Equal(encoding, Assert.Single(compressed.Content.Headers.ContentEncoding));
                Assert.Equal(await fingerprinted.Content.ReadAsByteArrayAsync(), Compressed.Decompress(encoding, await compressed.Content.ReadAsByteArrayAsync()));
            }
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
            folder.Delete(recursive: true);
            elsewhere.Delete(recursive: true);
        }
    }

    /// <summary>Publishes the site as built for these tests (Web.Tests/bin/{configuration}/net10.0 beside Web/).</summary>
    private static async Task PublishAsync(string output)
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = bin.Parent!.Name;
        var project = Path.Combine(bin.Parent.Parent!.Parent!.Parent!.FullName, "Web", "Sanatorium.Web.csproj");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "--no-build", "-c", configuration, "-o", output, "--nologo", "-v", "q", "--disable-build-servers"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start)!;
        var said = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(publish.ExitCode == 0, "dotnet publish failed: " + await said + await error);
    }
}
