using System.Text.RegularExpressions;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>Cyrillic is written to the page as characters; what HTML gives a meaning to is still escaped.</summary>
public sealed partial class HtmlEncodingTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [MemberData(nameof(PublicPagesTests.Pages), MemberType = typeof(PublicPagesTests))]
    public async Task No_page_writes_cyrillic_or_russian_punctuation_as_character_references(string ru, string en)
    {
        foreach (var path in new[] { ru, en })
        {
            var html = await site.CreateVisitor().GetStringAsync(path);

            Assert.DoesNotMatch(CyrillicReference(), html);
            Assert.DoesNotContain("&#xAB;", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("&#x2014;", html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("АМАКС «Старая Русса»", await site.CreateVisitor().GetStringAsync(ru), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Angle_brackets_ampersands_and_quotes_in_content_are_still_escaped()
    {
        await site.WithDbAsync(async db =>
        {
            var treatment = db.TreatmentTranslations.Single(t => t.Slug == "lumbar-pain-syndrome");
            treatment.Title = "Mud & <b>baths</b> \"Staraya\" 'Russa' — «грязь»";
            await db.SaveChangesAsync();
        });

        var (response, page) = await site.CreateVisitor().GetPageAsync("/en/treatments/lumbar-pain-syndrome");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("Mud & <b>baths</b> \"Staraya\" 'Russa' — «грязь»", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("<h1>Mud &amp; &lt;b&gt;baths&lt;/b&gt; &quot;Staraya&quot; &#x27;Russa&#x27; — «грязь»</h1>", html, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("h1 b"));
    }

    [GeneratedRegex("&#x4[0-9A-F]{2};", RegexOptions.IgnoreCase)]
    private static partial Regex CyrillicReference();
}
