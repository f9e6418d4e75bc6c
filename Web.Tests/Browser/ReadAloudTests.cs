using Microsoft.Playwright;
using Sanatorium.Web.Site.Vision;

namespace Sanatorium.Web.Tests.Browser;

/// <summary>"Read aloud" hands the page's content to the browser's speech synthesis, in the page's language.</summary>
[Trait("Category", "Browser")]
public sealed class ReadAloudTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    /// <summary>Headless Chromium has no voices: record what the page asks the browser to say instead.</summary>
    private const string RecordSpeech = """
        window.spoken = [];
        SpeechSynthesis.prototype.speak = function (utterance) { window.spoken.push({ text: utterance.text, lang: utterance.lang }); };
        """;

    [Theory]
    [InlineData("/treatments/poyasnichnyy-bolevoy-sindrom", "ru", "Читать вслух", "Остановить чтение", "Лечение поясничного болевого синдрома")]
    [InlineData("/en/treatments/lumbar-pain-syndrome", "en", "Read aloud", "Stop reading", "Treatment of lumbar pain syndrome")]
    public async Task Read_aloud_speaks_the_main_content_in_the_pages_language(
        string path, string lang, string read, string stop, string heading)
    {
        await using var visitor = await site.NewVisitorAsync(VisionSettings.Defaults);
        await visitor.AddInitScriptAsync(RecordSpeech);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync(path);

        await page.GetByRole(AriaRole.Button, new() { Name = read }).ClickAsync();

        var spoken = await page.EvaluateAsync<Utterance[]>("window.spoken");
        Assert.StartsWith(heading, spoken[0].Text);
        Assert.True(spoken.Length > 10);
        Assert.All(spoken, u => Assert.Equal(lang, u.Lang));
        Assert.DoesNotContain(spoken, u => u.Text.Contains(read) || u.Text.Contains('@', StringComparison.Ordinal));
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = stop }).IsVisibleAsync());
    }

    public sealed record Utterance
    {
        public string Text { get; init; } = "";

        public string Lang { get; init; } = "";
    }
}
