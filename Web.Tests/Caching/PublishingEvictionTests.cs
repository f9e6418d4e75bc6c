using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Caching;

/// <summary>What the back office publishes empties the cached pages at once: a page unpublished is gone, contacts change on every page.</summary>
public sealed class PublishingEvictionTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Unpublishing_a_page_removes_it_from_the_cache()
    {
        const string path = "/en/profiles/musculoskeletal-system";
        await site.CreateVisitor().GetAsync(path);
        Assert.True((await site.CreateVisitor().GetAsync(path)).FromCache());
        var editor = await site.LogInAsync("admin@staraya-russa.test", "Correct-Horse-42");
        var (_, list) = await editor.GetPageAsync("/admin/content/profiles");
        var (_, edit) = await editor.GetPageAsync(list.QuerySelector("tbody a")!.GetAttribute("href")!);

        await editor.SubmitAsync(edit.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.QuerySelector("input[name=language][value=en]") is not null), []);

        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Contacts_saved_in_the_back_office_show_at_once_in_the_header_of_a_cached_page()
    {
        await site.CreateVisitor().GetAsync(Cached.Treatment);
        Assert.True((await site.CreateVisitor().GetAsync(Cached.Treatment)).FromCache());
        var editor = await site.LogInAsync("admin@staraya-russa.test", "Correct-Horse-42");
        var (_, form) = await editor.GetPageAsync("/admin/content/contacts");

        await editor.SubmitAsync(form.QuerySelector<IHtmlFormElement>("main form")!, new() { ["Input.Phone"] = "+7 (81652) 5-55-55" });

        var (_, page) = await site.CreateVisitor().GetPageAsync(Cached.Treatment);
        Assert.Equal("+7 (81652) 5-55-55", page.QuerySelector("header a.phone")?.TextContent);
    }
}
