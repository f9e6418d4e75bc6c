using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Subscribers;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Marketing.Imports;

/// <summary>The site with an import directory of its own (removed with it), and a marketer's way through an import.</summary>
public class ImportSite : SiteFactory
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "sanatorium-import-tests", Guid.NewGuid().ToString("N"));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Import:Directory"] = Directory;
        return settings;
    }
}

public static class ImportSteps
{
    public const string ImportsPath = "/admin/marketing/imports";

    /// <summary>Uploads a file through the "new import" form, as a browser sends it.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] file, string fileName = "subscribers.csv")
    {
        var (_, page) = await client.GetPageAsync(ImportsPath + "/new");
        return await client.SubmitAsync(page.Form(), [], files: new Dictionary<string, (byte[], string, string)>
        {
            ["file"] = (file, fileName, "text/csv"),
        });
    }

    /// <summary>Uploads a file and returns the page it leads to: the preview and the column mapping.</summary>
    public static async Task<IDocument> UploadToPreviewAsync(this HttpClient client, byte[] file)
    {
        var response = await client.UploadAsync(file);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var (_, page) = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        return page;
    }

    /// <summary>Starts the import shown on a preview page with the given choices, and waits until it is finished.</summary>
    public static async Task<SubscriberImport> StartAndWaitAsync(
        this HttpClient client,
        SiteFactory site,
        IDocument preview,
        SubscriberImportMode mode,
        Dictionary<string, string>? choices = null)
    {
        var form = preview.Form();
        var values = new Dictionary<string, string>(choices ?? []) { ["Input.Mode"] = mode.ToString() };
        var response = await client.SubmitAsync(form, values, form.QuerySelector("button[formaction*='handler=Start']"));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var id = long.Parse(preview.Url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        return await site.FinishedImportAsync(id);
    }

    public static async Task<SubscriberImport> FinishedImportAsync(this SiteFactory site, long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var import = await site.WithDbAsync(db => db.SubscriberImports.AsNoTracking().SingleAsync(i => i.Id == id));
            if (import.IsFinished)
            {
                return import;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Import {id} is still {import.Status}.");
            await Task.Delay(100);
        }
    }
}
