using System.Net;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Campaigns;

/// <summary>Who may open the campaign pages: marketers and administrators; editors get 403, visitors the login page.</summary>
public sealed class CampaignAccessTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData(null, HttpStatusCode.Redirect)]
    [InlineData(Roles.Editor, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Marketer, HttpStatusCode.OK)]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    public async Task Each_role_gets_what_it_may(string? role, HttpStatusCode expected)
    {
        var id = await site.AddBilingualCampaignAsync("Access " + role);
        var client = role is null ? site.CreateVisitor() : await site.LogInAsync(await site.CreateAsync(MailDev.NewAddress(role.ToLowerInvariant()), role));

        foreach (var page in new[] { "/admin/marketing/campaigns", "/admin/marketing/campaigns/new", $"/admin/marketing/campaigns/{id}", $"/admin/marketing/campaigns/{id}/preview/ru" })
        {
            var response = await client.GetAsync(page);

            Assert.True(expected == response.StatusCode, $"{role ?? "anonymous"} at {page}: {response.StatusCode}");
            if (role is null)
            {
                Assert.StartsWith("/admin/account/login?ReturnUrl=", response.Headers.Location!.OriginalString);
            }
        }
    }

    [Fact]
    public async Task An_editor_cannot_send_and_the_nav_shows_campaigns_to_marketers_only()
    {
        var id = await site.AddBilingualCampaignAsync("Editor send");
        var marketer = await site.LogInAsync(await site.CreateAsync(MailDev.NewAddress("nav-marketer"), Roles.Marketer));
        var editor = await site.LogInAsync(await site.CreateAsync(MailDev.NewAddress("nav-editor"), Roles.Editor));
        var (_, marketerHome) = await marketer.GetPageAsync("/admin");
        var (_, editorHome) = await editor.GetPageAsync("/admin");
        var (_, form) = await marketer.GetPageAsync($"/admin/marketing/campaigns/{id}");

        var response = await editor.SubmitAsync(form.Form("#send-form"), []);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(Sanatorium.Core.Newsletters.CampaignStatus.Draft, (await site.CampaignAsync(id)).Status);
        Assert.Contains(marketerHome.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/admin/marketing/campaigns" && a.TextContent == "Рассылки");
        Assert.DoesNotContain(editorHome.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/admin/marketing/campaigns");
    }
}
