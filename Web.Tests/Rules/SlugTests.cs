using Sanatorium.Core;
using Sanatorium.Core.Content;

namespace Sanatorium.Web.Tests.Rules;

/// <summary>The addresses editors get from their titles, and the ones the site accepts.</summary>
public sealed class SlugTests
{
    [Theory]
    [InlineData("Поясничный болевой синдром", "poyasnichnyy-bolevoy-sindrom")]
    [InlineData("Lumbar pain syndrome", "lumbar-pain-syndrome")]
    [InlineData("Щадящий режим: «ёлка» и хвойные ванны", "shchadyashchiy-rezhim-elka-i-khvoynye-vanny")]
    [InlineData("  Spa & wellness -- 2027!  ", "spa-wellness-2027")]
    [InlineData("Подъезд, объём", "podezd-obem")]
    public void A_title_becomes_a_transliterated_slug(string title, string slug) => Assert.Equal(slug, Slug.FromTitle(title));

    [Fact]
    public void A_long_title_is_cut_to_the_longest_slug_without_a_trailing_hyphen()
    {
        var slug = Slug.FromTitle(string.Concat(Enumerable.Repeat("ванна ", 60)));

        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.True(Slug.IsValid(slug), slug);
    }

    [Theory]
    [InlineData("lumbar-pain-syndrome", true)]
    [InlineData("a", true)]
    [InlineData("2027", true)]
    [InlineData("", false)]
    [InlineData("Lumbar", false)]
    [InlineData("lumbar--pain", false)]
    [InlineData("-lumbar", false)]
    [InlineData("lumbar-", false)]
    [InlineData("поясница", false)]
    [InlineData("lumbar/pain", false)]
    [InlineData("lumbar pain", false)]
    public void Only_lower_case_latin_letters_digits_and_single_hyphens_are_valid(string slug, bool valid) =>
        Assert.Equal(valid, Slug.IsValid(slug));

    [Fact]
    public void A_slug_may_be_as_long_as_the_limit_and_no_longer()
    {
        Assert.True(Slug.IsValid(new string('a', Slug.MaxLength)));
        Assert.False(Slug.IsValid(new string('a', Slug.MaxLength + 1)));
    }

    [Fact]
    public void A_translation_refuses_an_invalid_slug_and_names_the_rule()
    {
        var error = Assert.Throws<ArgumentException>(() => new InfoPageTranslation(Language.En, "Not a slug", "Title"));

        Assert.Contains("lower-case latin letters", error.Message);
    }
}
