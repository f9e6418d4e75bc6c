using System.Net;
using AngleSharp.Html.Dom;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>A damaged reset link, however damaged, is refused with a page that says so, and changes no password.</summary>
public sealed class ResetPasswordLinkTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task A_link_whose_user_is_a_NUL_character_is_refused_with_400_and_changes_nothing()
    {
        var client = site.CreateVisitor();
        var (_, page) = await client.GetPageAsync("/admin/account/resetpassword?user=someone&code=Y29kZQ");
        var fields = page.Form().Elements.OfType<IHtmlInputElement>()
            .Where(input => input.Name != "user")
            .Select(input => new KeyValuePair<string, string>(input.Name!, input.Name!.StartsWith("Input.", StringComparison.Ordinal) ? "Brand-New-Password-7" : input.Value));

        var response = await client.PostAsync("/admin/account/resetpassword?user=%00&code=Y29kZQ", new FormUrlEncodedContent(fields));
        var answer = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Запрос не принят", answer.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await site.CreateVisitor().SubmitLoginAsync("admin@staraya-russa.test", "Correct-Horse-42")).StatusCode);
    }
}
