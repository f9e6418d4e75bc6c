using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Sanatorium.Web.Site.Vision;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>The seed treatment reproduces the client's page in full, in each language.</summary>
public sealed partial class TreatmentPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string English = "/en/treatments/lumbar-pain-syndrome";
    private const string Russian = "/treatments/poyasnichnyy-bolevoy-sindrom";

    /// <summary>The evident slips of the client's English page and their corrections: the only differences the seed may have.</summary>
    private static readonly (string Slip, string Correction)[] Corrections =
    [
        ("parotid muscles", "paravertebral muscles"),
        ("secondary sinuses", "secondary synovitis"),
        ("large sequesters", "large sequestra"),
        ("Acupuncture methods – acupuncture - also help", "Reflexology methods such as acupuncture also help"),
        ("lumboishialgia", "lumboischialgia"),
        ("lumboishalgia", "lumboischialgia"),
    ];

    /// <summary>Every English paragraph and list item of the client's page (the content between the header and the footer), its slips corrected.</summary>
    public static TheoryData<string> SourceEnglishText()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "lumbar-pain-syndrome.source.txt"));
        var data = new TheoryData<string>();
        foreach (var line in lines.Select(l => l.Trim().TrimStart('•').Trim()))
        {
            if (line.Length > 60 && !Cyrillic().IsMatch(line))
            {
                data.Add(Corrections.Aggregate(line, (text, c) => text.Replace(c.Slip, c.Correction, StringComparison.Ordinal)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SourceEnglishText))]
    public async Task The_English_page_carries_every_paragraph_of_the_clients_page(string paragraph)
    {
        var (_, page) = await site.CreateVisitor().GetPageAsync(English);

        Assert.Contains(Normalize(paragraph), Normalize(page.QuerySelector("main")!.TextContent));
    }

    [Fact]
    public void Every_correction_changes_a_line_of_the_clients_page()
    {
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "lumbar-pain-syndrome.source.txt"));

        Assert.All(Corrections, c => Assert.Contains(c.Slip, source, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(English, new[] { "paravertebral muscles", "secondary synovitis", "large sequestra", "Reflexology methods such as acupuncture also help", "Lumboischialgia is pain" },
        new[] { "parotid", "sinuses", "sequesters", "Acupuncture methods", "lumboishialgia", "lumboishalgia" })]
    [InlineData(Russian, new[] { "околопозвоночных мышц", "со вторичным синовитом", "крупных секвестров", "методы рефлексотерапии — иглоукалывание", "Люмбоишиалгия — боль в пояснице" },
        new[] { "Люмбоишалгия", "поиснице" })]
    public async Task Both_languages_say_the_corrected_words_and_list_no_procedures(string path, string[] corrected, string[] slips)
    {
        var (_, page) = await site.CreateVisitor().GetPageAsync(path);

        var main = Normalize(page.QuerySelector("main")!.TextContent);
        Assert.All(corrected, words => Assert.Contains(words, main, StringComparison.Ordinal));
        Assert.All(slips, words => Assert.DoesNotContain(words, main, StringComparison.OrdinalIgnoreCase));
        Assert.Null(page.QuerySelector("#procedures"));
    }

    [Theory]
    [InlineData(English, "There are contraindications. Consult a specialist.")]
    [InlineData(Russian, "Имеются противопоказания. Необходима консультация специалиста.")]
    public async Task Every_treatment_ends_with_the_contraindications_warning_in_the_visitors_language_and_with_images_off(string path, string warning)
    {
        var (_, page) = await site.CreateVisitor().GetPageAsync(path);
        var visionVisitor = site.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        visionVisitor.DefaultRequestHeaders.Add(
            "Cookie", $"{VisionSettings.CookieName}={VisionSettings.Defaults.Apply("size-200").Apply("colors-bw").Apply("images-off").Format()}");
        var (_, vision) = await visionVisitor.GetPageAsync(path);

        Assert.Equal("vision", vision.DocumentElement.GetAttribute("class"));

        Assert.Equal(warning, Normalize(page.QuerySelector("article > p.disclaimer:last-child")!.TextContent));
        Assert.Equal(warning, Normalize(vision.QuerySelector("article > p.disclaimer:last-child")!.TextContent));
    }

    [Fact]
    public async Task The_English_page_has_the_title_lead_and_every_section()
    {
        var (response, page) = await site.CreateVisitor().GetPageAsync(English);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(
            "Treatment of lumbar pain syndrome (lumbalgia, lumboischialgia) in the sanatorium Staraya Russa",
            page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("Lumbar pain syndrome is a sharp pain", page.QuerySelector(".lead")?.TextContent);
        Assert.Equal(
            ["Description", "Specific contraindications", "Treatment results", "Consequences of lack of treatment"],
            page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task The_English_page_has_no_Russian_text_unless_it_is_marked_as_Russian()
    {
        var (_, page) = await site.CreateVisitor().GetPageAsync(English);

        var unmarked = page.Body!.Descendants<IText>()
            .Where(text => Cyrillic().IsMatch(text.Data))
            .Where(text => text.ParentElement?.Closest("[lang=ru]") is null)
            .Select(text => text.Data.Trim())
            .ToList();
        Assert.Empty(unmarked);
    }

    [Fact]
    public async Task The_Russian_page_is_complete_and_in_Russian()
    {
        var (response, page) = await site.CreateVisitor().GetPageAsync(Russian);

        Assert.Equal(200, (int)response.StatusCode);
        var main = Normalize(page.QuerySelector("main")!.TextContent);
        Assert.Equal(
            "Лечение поясничного болевого синдрома (люмбалгии, люмбоишиалгии) в санатории «Старая Русса»",
            Normalize(page.QuerySelector("h1")!.TextContent));
        // The Russian paragraph of the client's page is the lead here, typeset.
        Assert.Contains("Поясничный болевой синдром — резкая боль, возникающая в поясничном отделе.", main);
        Assert.Contains("малоподвижный образ жизни, избыточный вес, переохлаждение, травмы", main);
        Assert.Equal(
            ["Описание", "Специфические противопоказания", "Результаты лечения", "Последствия отсутствия лечения"],
            page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()));
        foreach (var section in page.QuerySelectorAll("main section"))
        {
            // Each section is written out in Russian, not left as a heading or copied from English.
            var text = section.TextContent;
            Assert.True(Cyrillic().Count(text) > 100, $"section '{section.QuerySelector("h2")?.TextContent}' is too short");
            Assert.DoesNotMatch("[A-Za-z]{4,}", text);
        }
    }

    [Theory]
    [InlineData(Russian, "/info/obshchie-protivopokazaniya")]
    [InlineData(English, "/en/info/general-contraindications")]
    public async Task The_last_contraindication_links_to_the_general_contraindications_page(string treatment, string general)
    {
        var client = site.CreateVisitor();
        var (_, page) = await client.GetPageAsync(treatment);

        var items = page.QuerySelectorAll("#contraindications ~ ul > li");
        Assert.Equal(4, items.Length);
        Assert.Equal(general, items[^1].QuerySelector("a")?.GetAttribute("href"));
        Assert.All(items.Take(3), item => Assert.Null(item.QuerySelector("a")));

        var (response, target) = await client.GetPageAsync(general);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.True(target.QuerySelectorAll("main li").Length >= 10, "the general contraindications page lists them");
    }

    [Fact]
    public async Task The_treatment_page_leads_back_to_its_profile()
    {
        var (_, page) = await site.CreateVisitor().GetPageAsync(English);

        var crumb = page.QuerySelectorAll(".breadcrumbs a")[^1];
        Assert.Equal("/en/profiles/musculoskeletal-system", crumb.GetAttribute("href"));
        Assert.Equal("Diseases of the musculoskeletal system", crumb.TextContent.Trim());
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex("[А-Яа-яЁё]")]
    private static partial Regex Cyrillic();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
