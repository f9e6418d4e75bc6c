using System.Net;
using Sanatorium.Core.Newsletters;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;
using Sanatorium.Web.Tests.Marketing;

namespace Sanatorium.Web.Tests.Campaigns.Report;

/// <summary>Who may watch, move and read a campaign; unknown campaigns and wrong methods get a clear status, never a 500.</summary>
public sealed class CampaignReportAccessTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly string[] Pages = ["progress", "progress?handler=Status", "cancel", "report", "report?handler=Csv"];

    private static readonly string[] Posts = ["progress?handler=Pause", "progress?handler=Resume", "cancel", "report?handler=ResendFailed"];

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page_from_every_page_and_every_form()
    {
        var id = await site.AddCampaignAsync("Аноним", CampaignStatus.Paused);
        var client = site.CreateVisitor();

        foreach (var (method, path) in Pages.Select(p => (HttpMethod.Get, p)).Concat(Posts.Select(p => (HttpMethod.Post, p))))
        {
            var response = await client.SendAsync(new HttpRequestMessage(method, $"/admin/marketing/campaigns/{id}/{path}") { Content = method == HttpMethod.Post ? new FormUrlEncodedContent([]) : null });

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {path}: {response.StatusCode}");
            Assert.StartsWith("/admin/account/login?ReturnUrl=", response.Headers.Location!.OriginalString);
        }

        Assert.Equal(CampaignStatus.Paused, await site.StatusOfAsync(id));
    }

    [Fact]
    public async Task An_editor_gets_403_from_every_page_and_every_form()
    {
        var id = await site.AddCampaignAsync("Редактор", CampaignStatus.Paused);
        var editor = await site.LogInAsync(await site.CreateAsync("editor@campaign-access.test", Roles.Editor));
        var token = await TokenAsync(editor, "/admin/me");

        foreach (var path in Pages)
        {
            var response = await editor.GetAsync($"/admin/marketing/campaigns/{id}/{path}");

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {path}: {response.StatusCode}");
        }

        foreach (var path in Posts)
        {
            var response = await editor.PostAsync($"/admin/marketing/campaigns/{id}/{path}", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {path}: {response.StatusCode}");
        }

        Assert.Equal(CampaignStatus.Paused, await site.StatusOfAsync(id));
    }

    [Theory]
    [InlineData(Roles.Marketer)]
    [InlineData(Roles.Administrator)]
    public async Task Marketers_and_administrators_open_every_page(string role)
    {
        var id = await site.AddCampaignAsync("Доступ " + role, CampaignStatus.Paused);
        var client = await site.LogInAsync(await site.CreateAsync($"{role.ToLowerInvariant()}@campaign-access.test", role));

        foreach (var path in Pages)
        {
            var response = await client.GetAsync($"/admin/marketing/campaigns/{id}/{path}");

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} GET {path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_campaign_that_does_not_exist_answers_404_to_every_page_and_every_form()
    {
        var id = await site.AddCampaignAsync("Есть", CampaignStatus.Paused);
        var admin = await site.LogInAsAdministratorAsync();
        var token = await TokenAsync(admin, $"/admin/marketing/campaigns/{id}/progress");

        foreach (var path in Pages)
        {
            var response = await admin.GetAsync($"/admin/marketing/campaigns/999999/{path}");

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {path}: {response.StatusCode}");
        }

        foreach (var path in Posts)
        {
            var response = await admin.PostAsync($"/admin/marketing/campaigns/999999/{path}", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Wrong_methods_and_handlers_get_405_or_400_and_change_nothing()
    {
        var id = await site.AddCampaignAsync("Методы", CampaignStatus.Paused);
        var admin = await site.LogInAsAdministratorAsync();
        var token = await TokenAsync(admin, $"/admin/marketing/campaigns/{id}/progress");
        var withToken = () => new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        var at = $"/admin/marketing/campaigns/{id}";

        foreach (var page in new[] { "progress", "cancel", "report" })
        {
            foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
            {
                var response = await admin.SendAsync(new HttpRequestMessage(method, $"{at}/{page}"));

                Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"{method} {page}: {response.StatusCode}");
            }
        }

        foreach (var (method, path) in new[]
        {
            (HttpMethod.Post, "progress"),
            (HttpMethod.Post, "progress?handler=Status"),
            (HttpMethod.Post, "report"),
        })
        {
            var response = await admin.SendAsync(new HttpRequestMessage(method, $"{at}/{path}") { Content = method == HttpMethod.Post ? withToken() : null });

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path}: {response.StatusCode}");
        }

        var forged = await admin.PostAsync($"{at}/progress?handler=Resume", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(CampaignStatus.Paused, await site.StatusOfAsync(id));
    }

    /// <summary>An antiforgery token of the logged-in client, from the first form on a page it may open.</summary>
    private static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var (_, page) = await client.GetPageAsync(path);
        return page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
    }
}
