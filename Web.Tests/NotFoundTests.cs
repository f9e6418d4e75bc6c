using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>Addresses that lead nowhere answer 404 with a friendly page in the language of the address.</summary>
public sealed class NotFoundTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/treatments/no-such-treatment", "ru", "Страница не найдена")]
    [InlineData("/en/treatments/no-such-treatment", "en", "Page not found")]
    [InlineData("/profiles/no-such-profile", "ru", "Страница не найдена")]
    [InlineData("/en/profiles/no-such-profile", "en", "Page not found")]
    [InlineData("/info/no-such-page", "ru", "Страница не найдена")]
    [InlineData("/en/info/no-such-page", "en", "Page not found")]
    [InlineData("/no/such/address", "ru", "Страница не найдена")]
    [InlineData("/en/no/such/address", "en", "Page not found")]
    // A slug of one language under the other language's prefix is not a page either.
    [InlineData("/en/treatments/poyasnichnyy-bolevoy-sindrom", "en", "Page not found")]
    [InlineData("/treatments/lumbar-pain-syndrome", "ru", "Страница не найдена")]
    public async Task An_unknown_address_answers_404_with_a_friendly_page_in_its_language(string path, string lang, string heading)
    {
        var (response, page) = await site.CreateVisitor().GetPageAsync(path);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.NotNull(page.QuerySelector("footer form input[type=email]"));
    }

    [Fact]
    public async Task A_treatment_with_no_English_translation_is_404_in_English_and_its_Russian_page_links_to_the_English_home()
    {
        await site.WithDbAsync(async db =>
        {
            var profile = await db.Profiles.SingleAsync();
            var treatment = new Treatment("only-russian", profile, 2);
            treatment.AddTranslation(new TreatmentTranslation(Language.Ru, "tolko-po-russki", "Только по-русски"));
            treatment.PublishAll(DateTimeOffset.UtcNow.AddMinutes(-1));
            db.Treatments.Add(treatment);
            await db.SaveChangesAsync();
        });
        var client = site.CreateVisitor();

        var (russianResponse, russian) = await client.GetPageAsync("/treatments/tolko-po-russki");
        var (englishResponse, _) = await client.GetPageAsync("/en/treatments/tolko-po-russki");

        Assert.Equal(200, (int)russianResponse.StatusCode);
        Assert.Equal(404, (int)englishResponse.StatusCode);
        Assert.Null(russian.QuerySelector("link[hreflang=en]"));
        Assert.Equal("/en/", russian.QuerySelector(".lang-switch a[hreflang=en]")?.GetAttribute("href"));
    }
}
