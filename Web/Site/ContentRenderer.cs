using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Sanatorium.Web.Site;

/// <summary>
/// Turns an editor's Markdown into HTML a visitor can safely see: Markdig renders it, HtmlSanitizer
/// removes anything that could run script (see docs/decisions/0003-markdown-and-sanitizing.md).
/// </summary>
public sealed class ContentRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer sanitizer = new();

    public IHtmlContent Render(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown)
            ? HtmlString.Empty
            : new HtmlString(sanitizer.Sanitize(Markdown.ToHtml(markdown, pipeline)));
}
