using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Sanatorium.Web.Site.Vision;

/// <summary>
/// With images switched off in the version for the visually impaired, an image in a page's markup is
/// replaced by its text alternative, and a decorative one (empty alt) disappears.
/// </summary>
[HtmlTargetElement("img", Attributes = "alt")]
public sealed class ImageTagHelper : TagHelper
{
    /// <summary>The class of the text that stands in for an image.</summary>
    public const string TextClass = "image-text";

    /// <summary>Last, after the framework's own image tag helper has added the versioned src.</summary>
    public override int Order => int.MaxValue;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!ViewContext.HttpContext.Vision().ImagesAsText)
        {
            return;
        }

        // The alt is HTML already encoded when the markup computes it (alt="@T[...]"), a string when it is literal.
        var alt = output.Attributes["alt"]?.Value switch
        {
            IHtmlContent html => html,
            var text => new HtmlString(HtmlEncoder.Default.Encode(text?.ToString() ?? "")),
        };
        using var written = new StringWriter();
        alt.WriteTo(written, HtmlEncoder.Default);
        if (string.IsNullOrWhiteSpace(written.ToString()))
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        output.Attributes.Add("class", TextClass);
        output.Content.SetHtmlContent(alt);
    }
}
