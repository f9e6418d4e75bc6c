using AngleSharp.Html.Dom;
using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;
using Sanatorium.Web.Site.Vision;

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

    private readonly HtmlSanitizer imagesAsTextSanitizer = new();

    public ContentRenderer() => imagesAsTextSanitizer.PostProcessNode += ReplaceImageByItsText;

    /// <param name="markdown">What the editor wrote.</param>
    /// <param name="imagesAsText">True to show each image's text alternative instead of the image (images off).</param>
    public IHtmlContent Render(string? markdown, bool imagesAsText = false) =>
        string.IsNullOrWhiteSpace(markdown)
            ? HtmlString.Empty
            : new HtmlString((imagesAsText ? imagesAsTextSanitizer : sanitizer).Sanitize(Markdown.ToHtml(markdown, pipeline)));

    private static void ReplaceImageByItsText(object? sender, PostProcessNodeEventArgs e)
    {
        if (e.Node is not IHtmlImageElement image)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(image.AlternativeText))
        {
            e.ReplacementNodes.Add(e.Document.CreateTextNode(""));
            return;
        }

        var text = e.Document.CreateElement("span");
        text.ClassName = ImageTagHelper.TextClass;
        text.TextContent = image.AlternativeText;
        e.ReplacementNodes.Add(text);
    }
}
