using Microsoft.AspNetCore.Components;

namespace Sanatorium.Web.Email;

/// <summary>The Razor component that renders a mail's HTML part from its <see cref="MailContent"/>, inside <c>MailLayout</c>.</summary>
public abstract class MailView<TContent> : ComponentBase
    where TContent : MailContent
{
    [Parameter, EditorRequired]
    public TContent Mail { get; set; } = default!;
}
