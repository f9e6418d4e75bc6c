using Sanatorium.Core;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Tests.Rules;

/// <summary>The title search engines and shared links get when the editor leaves the SEO title empty: the seed's real headings.</summary>
public sealed class SeoTitleTests
{
    [Theory]
    [InlineData(Language.Ru, "Лечение поясничного болевого синдрома (люмбалгии, люмбоишиалгии) в санатории «Старая Русса»", "Лечение поясничного болевого синдрома — АМАКС «Старая Русса»")]
    [InlineData(Language.En, "Treatment of lumbar pain syndrome (lumbalgia, lumboishialgia) in the sanatorium Staraya Russa", "Treatment of lumbar pain syndrome — AMAKS \"Staraya Russa\"")]
    [InlineData(Language.Ru, "Болезни костно-мышечной системы", "Болезни костно-мышечной системы — АМАКС «Старая Русса»")]
    [InlineData(Language.En, "Diseases of the musculoskeletal system", "Diseases of the musculoskeletal — AMAKS \"Staraya Russa\"")]
    [InlineData(Language.Ru, "Общие противопоказания к санаторно-курортному лечению", "Общие противопоказания — АМАКС «Старая Русса»")]
    [InlineData(Language.En, "General contraindications to sanatorium-resort treatment", "General contraindications — AMAKS \"Staraya Russa\"")]
    [InlineData(Language.Ru, "Скидка 15% на курс грязелечения", "Скидка 15% на курс грязелечения — АМАКС «Старая Русса»")]
    public void The_default_is_the_heading_without_asides_cut_after_a_whole_word_plus_the_resort_name(Language language, string heading, string title)
    {
        var made = SeoTitles.Default(language, heading);

        Assert.Equal(title, made);
        Assert.True(made.Length <= SeoTitles.MaxLength, $"{made.Length} characters");
    }

    [Fact]
    public void A_heading_of_one_endless_word_is_cut_inside_it()
    {
        var made = SeoTitles.Default(Language.Ru, new string('ы', 100));

        Assert.Equal(SeoTitles.MaxLength, made.Length);
        Assert.EndsWith(" — АМАКС «Старая Русса»", made);
    }

    [Fact]
    public void An_abbreviation_or_a_number_at_the_cut_stays()
    {
        Assert.Equal("Массаж, физиотерапия и ЛФК — АМАКС «Старая Русса»", SeoTitles.Default(Language.Ru, "Массаж, физиотерапия и ЛФК"));
        Assert.Equal(
            "Скидка на грязелечение и массаж 15% — АМАКС «Старая Русса»",
            SeoTitles.Default(Language.Ru, "Скидка на грязелечение и массаж 15% для всех гостей санатория"));
    }

    [Fact]
    public void The_editors_seo_title_wins_over_the_default()
    {
        Assert.Equal("Люмбалгия: лечение в Старой Руссе", SeoTitles.Of(Language.Ru, " Люмбалгия: лечение в Старой Руссе ", "Лечение поясничного болевого синдрома"));
        Assert.Equal("Болезни костно-мышечной системы — АМАКС «Старая Русса»", SeoTitles.Of(Language.Ru, "  ", "Болезни костно-мышечной системы"));
    }
}
