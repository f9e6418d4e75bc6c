using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Instances;

/// <summary>
/// An edit published on one process shows on the other within a second, though the other served the
/// page from its output cache a moment before: the eviction reaches every process.
/// </summary>
[Collection(TwoSites.Collection)]
public sealed class InstancePublishingTests
{
    private const string Page = "/treatments/poyasnichnyy-bolevoy-sindrom";

    private const string NewTitle = "Поясничный болевой синдром: новая программа";

    [Fact]
    public async Task A_treatment_published_on_one_process_shows_on_the_other_within_a_second()
    {
        await using var sites = await TwoSites.StartAsync(new Dictionary<string, string?> { ["OutputCache:Enabled"] = "true" });
        using var visitor = sites.B.Visitor();
        var before = await TitleAsync(visitor);
        Assert.Equal(before, await TitleAsync(visitor)); // the second time from B's cache
        Assert.NotEqual(NewTitle, before);

        using var editor = sites.A.Visitor();
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitLoginAsync(sites.Administrator, TwoSites.AdministratorPassword)).StatusCode);
        var (_, list) = await editor.GetPageAsync("/admin/content/treatments");
        var (_, form) = await editor.GetPageAsync(list.QuerySelector("tbody a")!.GetAttribute("href")!);
        var published = await editor.SubmitAsync(
            form.QuerySelector<IHtmlFormElement>("form.editor")!,
            new() { ["Input.Fields[ru-Title]"] = NewTitle },
            form.QuerySelector("button[formaction*=Publish]"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var clock = Stopwatch.StartNew();
        while (await TitleAsync(visitor) != NewTitle)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"B still showed «{before}» a second after A published the new title.");
            await Task.Delay(50);
        }
    }

    private static async Task<string?> TitleAsync(HttpClient visitor)
    {
        var (response, page) = await visitor.GetPageAsync(Page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelector("h1")?.TextContent;
    }
}
