using System.Text;
using AngleSharp.Html.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Caching.Memory;
using Sanatorium.Core;
using Sanatorium.Web.Site.Vision;

namespace Sanatorium.Web.Site;

/// <summary>
/// Turns an editor's Markdown into HTML a visitor can safely see: Markdig renders it, HtmlSanitizer
/// removes anything that could run script (see docs/decisions/0003-markdown-and-sanitizing.md).
/// With images off (the version for the visually impaired) each image becomes its text alternative.
/// The words get the <see cref="Typography"/> of the page's language (docs/decisions/0027): only the
/// text of paragraphs, headings, list items and table cells, never code, inline HTML, addresses or
/// a picture's text alternative.
/// The result is remembered by its Markdown, so a published page is rendered once, not per visit;
/// an edit is new Markdown and renders afresh. Markdown that Markdig refuses (it throws on text nested
/// too deeply) is refused when saved (<see cref="CanRender"/>); if such text is stored all the same, it is
/// shown as plain text and logged, so that it never takes a page down.
/// </summary>
public sealed class ContentRenderer(ILogger<ContentRenderer> logger) : IDisposable
{
    private readonly MemoryCache rendered = new(new MemoryCacheOptions { SizeLimit = 4096 });

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    private readonly HtmlSanitizer imagesAsTextSanitizer = CreateSanitizer(ReplaceImageByItsText);

    /// <summary>The editor's Markdown as HTML, typeset for the language of the current request (or mail).</summary>
    /// <param name="markdown">What the editor wrote.</param>
    /// <param name="imagesAsText">True to show each image's text alternative instead of the image (images off).</param>
    public IHtmlContent Render(string? markdown, bool imagesAsText = false) =>
        Render(markdown, SiteLanguage.Current, imagesAsText);

    /// <param name="markdown">What the editor wrote.</param>
    /// <param name="typography">The language whose typography the words get; null for none (code-like text).</param>
    /// <param name="imagesAsText">True to show each image's text alternative instead of the image (images off).</param>
    public IHtmlContent Render(string? markdown, Language? typography, bool imagesAsText = false) =>
        string.IsNullOrWhiteSpace(markdown)
            ? HtmlString.Empty
            : rendered.GetOrCreate<IHtmlContent>((markdown, typography, imagesAsText), entry =>
            {
                entry.Size = 1;
                entry.SlidingExpiration = TimeSpan.FromHours(6);
                if (ToHtml(markdown, typography) is not { } html)
                {
                    logger.LogError("Stored Markdown of {Length} characters cannot be rendered; it is shown as plain text.", markdown.Length);
                    var text = new TagBuilder("p");
                    text.InnerHtml.Append(markdown);
                    return text;
                }

                return new HtmlString((imagesAsText ? imagesAsTextSanitizer : sanitizer).Sanitize(html));
            })!;

    /// <summary>
    /// The most square brackets, and the most emphasis marks (<c>*</c> and <c>_</c>), a text may hold.
    /// Markdig's time grows with the square of the number of brackets left open (10,000 take seconds),
    /// and 40,000 emphasis marks take it half a second or more before it gives up: far beyond any page's
    /// links, pictures and emphasis.
    /// </summary>
    public const int MaxMarks = 2000;

    /// <summary>
    /// Whether the text can be rendered: Markdig refuses Markdown nested too deeply (about 128 quotes or
    /// lists in one another, or long runs of emphasis), and more than <see cref="MaxMarks"/> square brackets or emphasis marks are refused here.
    /// </summary>
    public bool CanRender(string markdown) => ToHtml(markdown, typography: null) is not null;

    public void Dispose() => rendered.Dispose();

    /// <summary>Markdig's HTML, or null when the text is too complex (Markdig throws an ArgumentException past its nesting limit).</summary>
    private string? ToHtml(string markdown, Language? typography)
    {
        var text = markdown.AsSpan();
        if (text.Count('[') > MaxMarks || text.Count('*') + text.Count('_') > MaxMarks)
        {
            return null;
        }

        try
        {
            var document = Markdown.Parse(markdown, pipeline);
            if (typography is { } language)
            {
                Typeset(document, language);
            }

            return document.ToHtml(pipeline);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Typesets each block's words as one text, so that a rule sees across emphasis and links (a quote
    /// opened before a bold word and closed after it). What must not change stands in that text as one
    /// <see cref="Typography.Opaque"/> character; the rules keep the length, so each literal takes back
    /// its own stretch of the result.
    /// </summary>
    private static void Typeset(MarkdownDocument document, Language language)
    {
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block.Inline is null)
            {
                continue;
            }

            var (text, literals) = (new StringBuilder(), new List<(LiteralInline Literal, int Start)>());
            Collect(block.Inline, text, literals);
            var typeset = Typography.Apply(text.ToString(), language);
            foreach (var (literal, start) in literals)
            {
                var words = typeset.Substring(start, literal.Content.Length);
                if (words != literal.Content.ToString())
                {
                    literal.Content = new StringSlice(words);
                }
            }
        }
    }

    private static void Collect(ContainerInline container, StringBuilder text, List<(LiteralInline Literal, int Start)> literals)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    literals.Add((literal, text.Length));
                    text.Append(literal.Content.ToString());
                    break;
                case LineBreakInline:
                    text.Append('\n');
                    break;
                case LinkInline { IsImage: false, IsAutoLink: false } link:
                    Collect(link, text, literals);
                    break;
                case ContainerInline emphasis when emphasis is not LinkInline:
                    Collect(emphasis, text, literals);
                    break;
                default:
                    // Code, inline HTML, an entity, an address written as a link, a picture (its text is an attribute).
                    text.Append(Typography.Opaque);
                    break;
            }
        }
    }

    /// <summary>HtmlSanitizer's defaults, less forms and their controls: content must not ask visitors for input.</summary>
    private static HtmlSanitizer CreateSanitizer(EventHandler<PostProcessNodeEventArgs>? postProcess = null)
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.PostProcessNode += postProcess;
        foreach (var tag in new[] { "form", "input", "button", "textarea", "select", "option", "optgroup", "label", "fieldset", "legend" })
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        return sanitizer;
    }

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
