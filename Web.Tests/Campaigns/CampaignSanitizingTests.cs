using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Campaigns;

/// <summary>A campaign whose Markdown holds script and javascript: links renders sanitized, in the preview and in the parts stored for sending.</summary>
public sealed class CampaignSanitizingTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Hostile = """
        Hello <script>alert('body')</script> reader.

        [click me](javascript:alert('link')) and <a href="javascript:alert('tag')" onclick="alert('click')">this</a>
        and <a href="  JaVaScRiPt:alert('case')">that</a>.

        <img src="x" onerror="alert('img')" alt="picture"> <iframe src="https://evil.example/"></iframe>
        <form action="https://evil.example/"><input name="card"></form>
        <style>body { display: none }</style>
        """;

    [Fact]
    public async Task Hostile_markdown_is_sanitized_in_the_preview_and_in_the_stored_mail()
    {
        var id = await site.AddCampaignAsync("Hostile", null, new Dictionary<Language, (string, string)>
        {
            [Language.Ru] = ("Тема", Hostile),
            [Language.En] = ("Subject", Hostile),
        });
        var marketer = await site.LogInAsMarketerAsync();

        var preview = await (await marketer.GetAsync($"/admin/marketing/campaigns/{id}/preview/en")).Content.ReadAsStringAsync();
        await marketer.SubmitFormAsync($"/admin/marketing/campaigns/{id}", new() { ["SendAt"] = $"{DateTime.UtcNow.Year + 1}-02-01T10:00" }, "#schedule-form");
        var stored = await site.CampaignAsync(id);

        foreach (var html in new[] { preview, stored.Translation(Language.Ru)!.Html!, stored.Translation(Language.En)!.Html! })
        {
            Assert.Contains("reader.", html);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<form", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("display: none", html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("javascript:", stored.Translation(Language.En)!.Text!, StringComparison.OrdinalIgnoreCase);
        var links = await site.WithDbAsync(db => db.CampaignLinks.Where(l => l.CampaignId == id).Select(l => l.Url).ToListAsync());
        Assert.All(links, url => Assert.StartsWith("https://", url));
    }
}
