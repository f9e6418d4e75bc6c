namespace Sanatorium.Web.Email;

/// <summary>
/// What one mail says, as data, every string already in the mail's language. Its Razor component
/// (a <see cref="MailView{TContent}"/>) lays it out as the HTML part and <see cref="Text"/> writes the
/// plain-text part from the same fields, so the two parts cannot say different things.
/// </summary>
public abstract record MailContent(string Subject)
{
    /// <summary>The plain-text part.</summary>
    public abstract string Text { get; }
}
