using System.Globalization;
using System.Text.Encodings.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Logging.Abstractions;
using Sanatorium.Core;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Tests.Rules;

/// <summary>
/// The typographer's pass on sentences of the site (the seed treatment, the resort's address) and on
/// what it must leave alone; in the expected texts "_" is a non-breaking space.
/// </summary>
public sealed class TypographyTests : IDisposable
{
    private readonly ContentRenderer renderer = new(NullLogger<ContentRenderer>.Instance);

    public void Dispose() => renderer.Dispose();

    [Theory]
    [InlineData(
        "Поясничный болевой синдром – резкая боль, возникающая в поясничном отделе.",
        "Поясничный болевой синдром_— резкая боль, возникающая в_поясничном отделе.")]
    [InlineData(
        "Люмбоишиалгия – боль в пояснице, которая отдает в ноги.",
        "Люмбоишиалгия_— боль в_пояснице, которая отдает в_ноги.")]
    [InlineData(
        "Полиартриты с прогрессирующим процессом в суставах, с анкилозами, контрактурами и т. д., с необратимыми изменениями в суставах.",
        "Полиартриты с_прогрессирующим процессом в_суставах, с_анкилозами, контрактурами и_т._д., с_необратимыми изменениями в_суставах.")]
    [InlineData(
        "Снять болевой синдром помогают и методы рефлексотерапии - иглоукалывание.",
        "Снять болевой синдром помогают и_методы рефлексотерапии_— иглоукалывание.")]
    [InlineData(
        "175200, Новгородская область, г. Старая Русса, ул. Минеральная, 62",
        "175200, Новгородская область, г._Старая Русса, ул._Минеральная, 62")]
    [InlineData(
        "Основа лечения — природные факторы курорта, т. е. вода и грязь.",
        "Основа лечения_— природные факторы курорта, т._е. вода и_грязь.")]
    [InlineData(
        "В санатории \"Старая Русса\" лечат заболевания позвоночника.",
        "В_санатории «Старая Русса» лечат заболевания позвоночника.")]
    [InlineData(
        "Курорт \"Старая Русса\" и источник \"Бювет \"Муравьёвский\"\".",
        "Курорт «Старая Русса» и_источник «Бювет „Муравьёвский“».")]
    [InlineData("«Санаторий \"Старая Русса\"»", "«Санаторий „Старая Русса“»")]
    [InlineData("Скидка 10 % до 1 марта 2025 г., 5 км от вокзала, корпус № 2.", "Скидка 10_% до_1 марта 2025_г., 5_км_от_вокзала, корпус №_2.")]
    [InlineData("Курс от 10 до 21 дня, заезды 10 - 20 числа.", "Курс от_10 до_21 дня, заезды 10 - 20 числа.")]
    [InlineData("Иловая сульфидная грязь, хлоридная натриевая вода.", "Иловая сульфидная грязь, хлоридная натриевая вода.")]
    [InlineData("https://staraya-russa.test/treatments/a-b?q=1", "https://staraya-russa.test/treatments/a-b?q=1")]
    public void Russian_text_is_typeset_and_typesetting_it_again_changes_nothing(string text, string expected)
    {
        var typeset = Typography.Apply(text, Language.Ru);

        Assert.Equal(expected, Readable(typeset));
        Assert.Equal(text.Length, typeset.Length);
        Assert.Equal(typeset, Typography.Apply(typeset, Language.Ru));
    }

    [Theory]
    [InlineData(
        "Reflexology methods - acupuncture - also help.",
        "Reflexology methods – acupuncture – also help.")]
    [InlineData(
        "Treatment of lumbar pain syndrome in the sanatorium \"Staraya Russa\", 10 % off, a well-known spa.",
        "Treatment of lumbar pain syndrome in the sanatorium \"Staraya Russa\", 10 % off, a well-known spa.")]
    public void English_text_gets_only_the_dash(string text, string expected)
    {
        var typeset = Typography.Apply(text, Language.En);

        Assert.Equal(expected, typeset);
        Assert.Equal(typeset, Typography.Apply(typeset, Language.En));
    }

    [Fact]
    public void Rendered_Markdown_is_typeset_across_emphasis_and_links_but_never_in_code_addresses_or_attributes()
    {
        var body = Render("""
            В санатории "**Старая Русса**" - [процедуры "для всех"](https://staraya-russa.test/a-b?q="x" "Процедуры - все") и `a - "b"`.

            Сайт https://staraya-russa.test/a - b и <span title="в - &quot;доме&quot;">в "доме"</span>, ![в "парке"](/img/park.png)

            ```
            в "коде" - так и есть
            ```
            """, Language.Ru);

        var paragraphs = body.QuerySelectorAll("p");
        Assert.Equal("В_санатории «Старая Русса»_— процедуры «для всех» и_a - \"b\".", Readable(paragraphs[0].TextContent));
        Assert.Equal("Старая Русса", body.QuerySelector("strong")!.TextContent);
        var link = body.QuerySelector("a")!;
        Assert.Equal("https://staraya-russa.test/a-b?q=%22x%22", link.GetAttribute("href"));
        Assert.Equal("Процедуры - все", link.GetAttribute("title"));
        Assert.Equal("a - \"b\"", body.QuerySelector("code")!.TextContent);
        Assert.Equal("https://staraya-russa.test/a", paragraphs[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("в - \"доме\"", body.QuerySelector("span")!.GetAttribute("title"));
        Assert.Equal("в_«доме»", Readable(body.QuerySelector("span")!.TextContent));
        Assert.Equal("в \"парке\"", body.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal("в \"коде\" - так и есть\n", body.QuerySelector("pre")!.TextContent);
    }

    [Fact]
    public void Code_like_text_is_rendered_without_typography_and_English_only_gets_its_dash()
    {
        const string markdown = "Ключ \"token\" - в заголовке.";

        Assert.Equal(markdown, Render(markdown, typography: null).QuerySelector("p")!.TextContent);
        Assert.Equal("Ключ \"token\" – в заголовке.", Render(markdown, Language.En).QuerySelector("p")!.TextContent);
        Assert.Equal("Ключ «token»_— в_заголовке.", Readable(Render(markdown, Language.Ru).QuerySelector("p")!.TextContent));
    }

    [Fact]
    public void A_typeset_page_renders_the_same_when_typeset_again()
    {
        var once = Render("Курорт \"Старая Русса\" - в г. Старая Русса, скидка 10 %.", Language.Ru).QuerySelector("p")!.TextContent;

        Assert.Equal("Курорт «Старая Русса»_— в_г._Старая Русса, скидка 10_%.", Readable(once));
        Assert.Equal(once, Render(once, Language.Ru).QuerySelector("p")!.TextContent);
    }

    private IElement Render(string markdown, Language? typography) =>
        new HtmlParser().ParseDocument("<body>" + Html(markdown, typography) + "</body>").Body!;

    private string Html(string markdown, Language? typography)
    {
        using var html = new StringWriter(CultureInfo.InvariantCulture);
        renderer.Render(markdown, typography).WriteTo(html, HtmlEncoder.Default);
        return html.ToString();
    }

    private static string Readable(string text) => text.Replace(Typography.NoBreakSpace, '_');
}
