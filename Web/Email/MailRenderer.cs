using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Sanatorium.Core;
using Sanatorium.Infrastructure.Email;

namespace Sanatorium.Web.Email;

/// <summary>
/// Renders a mail in Web, where the Razor components and the .resx strings are (see
/// docs/decisions/0017-where-code-lives.md): the content is written and the component rendered
/// through the framework's <see cref="HtmlRenderer"/> with the mail's language as the current culture,
/// so every <c>IStringLocalizer</c> reads that language whatever the language of the request.
/// </summary>
public sealed class MailRenderer(IServiceProvider services, ILoggerFactory loggerFactory)
{
    /// <summary>
    /// Calls <paramref name="write"/> for the content and renders <typeparamref name="TView"/> with it:
    /// subject, HTML part and text part, in <paramref name="language"/>.
    /// </summary>
    public async Task<RenderedMail> RenderAsync<TView, TContent>(Language language, Func<TContent> write)
        where TView : MailView<TContent>
        where TContent : MailContent
    {
        // An async method's change of culture does not flow back to its caller: the request keeps its own.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language.Code());
        var content = write();
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(MailView<TContent>.Mail)] = content });
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TView>(parameters)).ToHtmlString());
        return new RenderedMail(language, content.Subject, html, content.Text);
    }
}
