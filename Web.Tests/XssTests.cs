using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>Whatever an editor types into any content field never reaches a visitor's page as live script.</summary>
public sealed class XssTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    public static TheoryData<string> Payloads => new()
    {
        "<script>alert('xss')</script>",
        "<img src=x onerror=alert(1)>",
        "[click me](javascript:alert(1))",
        "<a href=\"jAvAsCrIpT:alert(1)\">link</a>",
        "<svg onload=alert(1)><circle r=\"1\"/></svg>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "\"><script>alert(1)</script>",
        "<details open ontoggle=alert(1)>x</details>",
        "<style>body { display: none }</style>",
        "![pic](javascript:alert(1))",
        "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>",
        "<form action=\"javascript:alert(1)\"><button>go</button></form>",
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task A_payload_in_every_field_of_both_languages_is_shown_inert_on_the_public_page_and_in_preview(string payload)
    {
        var editor = await site.LogInAsync(await site.CreateAsync($"xss-{Guid.NewGuid():N}@staraya-russa.test", Roles.Editor));
        var (_, list) = await editor.GetPageAsync("/admin/content/treatments");
        var edit = list.QuerySelector("tbody a")!.GetAttribute("href")!;
        var (_, form) = await editor.GetPageAsync(edit);
        var fields = new Dictionary<string, string>();
        foreach (var language in new[] { "ru", "en" })
        {
            foreach (var field in ContentKinds.Treatment.Fields.Where(f => f != ContentFields.Slug))
            {
                var value = field == ContentFields.Title ? "Title " + payload : payload;
                fields[$"Input.Fields[{language}-{field}]"] = value[..Math.Min(value.Length, ContentFields.MaxLength(field))];
            }
        }

        var published = await editor.SubmitAsync(
            form.QuerySelector<IHtmlFormElement>("form.editor")!,
            fields,
            form.QuerySelector("button[formaction*=Publish]"));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, published.StatusCode);

        foreach (var path in new[] { "/treatments/poyasnichnyy-bolevoy-sindrom", "/en/treatments/lumbar-pain-syndrome" })
        {
            var (_, page) = await site.CreateVisitor().GetPageAsync(path);
            AssertInert(page);
            Assert.StartsWith("Title ", page.QuerySelector("h1")!.TextContent);
        }

        var (_, preview) = await editor.GetPageAsync(edit.Replace("/edit/", "/") + "/preview/en");
        AssertInert(preview);
    }

    private static void AssertInert(IDocument page)
    {
        var main = page.QuerySelector("main")!;
        Assert.Empty(main.QuerySelectorAll("script, iframe, object, embed, style, form"));
        foreach (var element in page.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName} {attribute.Name}>");
                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c)).ToArray());
                Assert.False(value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName} {attribute.Name}={attribute.Value}>");
            }
        }

        Assert.All(page.Scripts, script => Assert.True(
            (string.IsNullOrEmpty(script.Text) && script.Source?.StartsWith('/') == true) || StructuredData.IsData(script),
            "only the site's own script files, and JSON-LD data, may be on a page"));
    }
}
