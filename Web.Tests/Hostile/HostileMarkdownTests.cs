using Xunit.Abstractions;

namespace Sanatorium.Web.Tests.Hostile;

/// <summary>
/// Markdown built to hurt a renderer, deep or huge, in every multi-line field of every back office form
/// (found by <see cref="SiteMap"/>), through each of its buttons (save, publish): it is refused with a
/// message, or it renders in preview, history and on the public page without an error and in time.
/// </summary>
public sealed class HostileMarkdownTests(HostileSite site, ITestOutputHelper output) : IClassFixture<HostileSite>
{
    private static readonly Dictionary<string, string> Markdown = new()
    {
        ["128 nested quotes"] = new string('>', 128) + " x",
        ["64 nested list items"] = string.Concat(Enumerable.Repeat("- ", 64)) + "x",
        ["200 levels of indented lists"] = string.Join("\n", Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "- x")),
        ["10,000 open brackets"] = new string('[', 10_000) + "x" + new string(']', 10_000) + "(y)",
        ["5,000 nested divs"] = string.Concat(Enumerable.Repeat("<div>", 5_000)) + "x",
        ["60,000 characters of emphasis"] = string.Concat(Enumerable.Repeat("*a_", 20_000)),
    };

    public static TheoryData<string> Kinds => [.. Markdown.Keys];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Hostile_markdown_in_every_editor_field_is_refused_on_save_or_rendered_without_error(string kind)
    {
        var findings = new Findings($"Markdown: {kind}", output);
        var map = await site.MapAsync();
        var editors = map.FieldForms.Where(f => f.IsPost && f.Fields.Any(x => x.Type == "textarea")).Select(f => f.Page).ToHashSet();
        foreach (var target in map.Forms.Where(f => editors.Contains(f.Page) && f.Fields.Any(x => x.Type == "textarea")))
        {
            if (await HostileForm.OpenAsync(site, target, findings) is not { } form)
            {
                continue;
            }

            // A page an earlier payload already broke was reported then; what counts here is what this one breaks.
            var pages = form.Links();
            var broken = await BrokenAsync(form.Session.Client, pages);
            var where = form.Where($"every textarea: {kind}");
            var before = await site.SnapshotAsync();
            var textareas = form.Target.Fields.Where(f => f.Type == "textarea").ToDictionary(f => f.Name, _ => Markdown[kind]);
            var answer = await findings.SendAsync(form.Session.Client, form.Request(form.Values(textareas)), where);
            await FormAttack.ExpectNothingWrittenAsync(site, findings, form, answer, where, before, mustNotWrite: false);
            if (answer.Location is { } location)
            {
                foreach (var page in pages.Prepend(location).Distinct().Except(broken))
                {
                    await findings.SendAsync(form.Session.Client, new HttpRequestMessage(HttpMethod.Get, page), $"GET {page} after {where}");
                }
            }
        }

        findings.AssertNone();
    }

    private static async Task<IReadOnlyList<string>> BrokenAsync(HttpClient client, IEnumerable<string> pages)
    {
        var broken = new List<string>();
        foreach (var page in pages)
        {
            try
            {
                if ((int)(await client.GetAsync(page)).StatusCode >= 500)
                {
                    broken.Add(page);
                }
            }
            catch (Exception)
            {
                broken.Add(page);
            }
        }

        return broken;
    }
}
