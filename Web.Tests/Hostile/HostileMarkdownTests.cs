using Xunit.Abstractions;

namespace Sanatorium.Web.Tests.Hostile;

/// <summary>
/// Markdown built to hurt a renderer, deep or huge, in every multi-line field of every back office form
/// (found by <see cref="SiteMap"/>), saved: it is refused with a message, or it renders in preview and
/// history without an error and in time (the public page uses the same renderer).
/// </summary>
public sealed class HostileMarkdownTests(HostileSite site, ITestOutputHelper output) : IClassFixture<HostileSite>
{
    private static readonly Dictionary<string, string> Markdown = new()
    {
        ["128 nested quotes"] = new string('>', 128) + " x",
        ["64 nested list items"] = string.Concat(Enumerable.Repeat("- ", 64)) + "x",
        ["200 levels of indented lists"] = string.Join("\n", Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "- x")),
        ["5,000 open brackets"] = new string('[', 5_000) + "x" + new string(']', 5_000) + "(y)",
        ["5,000 nested divs"] = string.Concat(Enumerable.Repeat("<div>", 5_000)) + "x",
        ["60,000 characters of emphasis"] = string.Concat(Enumerable.Repeat("*a_", 20_000)),
    };

    public static TheoryData<string> Kinds => [.. Markdown.Keys];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Hostile_markdown_in_every_editor_field_is_refused_on_save_or_rendered_without_error(string kind)
    {
        var findings = new Findings($"Markdown: {kind}", output);
        var editors = (await site.MapAsync()).FieldForms.Where(f => f.IsPost && f.Fields.Any(x => x.Type == "textarea"));
        await FormAttack.RunAsync(site, findings, editors, form =>
        [
            new Probe($"every textarea: {kind}", form.Request(form.Values(form.Target.Fields.Where(f => f.Type == "textarea").ToDictionary(f => f.Name, _ => Markdown[kind])))),
        ], FollowAsync);
        findings.AssertNone();
    }

    /// <summary>After a save that was taken: the page it leads to, and the pages that page links to (preview, history, the public page).</summary>
    private static async Task FollowAsync(HostileForm form, Answer answer, string where, Findings findings)
    {
        if (answer.Location is not { } location)
        {
            return;
        }

        foreach (var page in form.Links().Prepend(location).Distinct())
        {
            await findings.SendAsync(form.Session.Client, new HttpRequestMessage(HttpMethod.Get, page), $"GET {page} after {where}");
        }
    }
}
