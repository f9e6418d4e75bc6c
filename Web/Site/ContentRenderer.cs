using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace Sanatorium.Web.Site;

/// <summary>
/// Turns an editor's Markdown into HTML a visitor can safely see: Markdig renders it, HtmlSanitizer
/// removes anything that could run script (see docs/decisions/0003-markdown-and-sanitizing.md).
/// The result is remembered by its Markdown, so a published page is rendered once, not per visit;
/// an edit is new Markdown and renders afresh.
/// </summary>
public sealed class ContentRenderer : IDisposable
{
    private readonly MemoryCache rendered = new(new MemoryCacheOptions { SizeLimit = 4096 });

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    /// <summary>HtmlSanitizer's defaults, less forms and their controls: content must not ask visitors for input.</summary>
    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in new[] { "form", "input", "button", "textarea", "select", "option", "optgroup", "label", "fieldset", "legend" })
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        return sanitizer;
    }

    public IHtmlContent Render(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown)
            ? HtmlString.Empty
            : rendered.GetOrCreate(markdown, entry =>
            {
                entry.Size = 1;
                entry.SlidingExpiration = TimeSpan.FromHours(6);
                return new HtmlString(sanitizer.Sanitize(Markdown.ToHtml(markdown, pipeline)));
            })!;

    public void Dispose() => rendered.Dispose();
}
