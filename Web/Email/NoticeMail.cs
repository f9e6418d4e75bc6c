namespace Sanatorium.Web.Email;

/// <summary>
/// A mail that tells something and lists what it is about: a paragraph, label and value lines, and
/// optionally a closing paragraph and one link (the enquiry to staff, its acknowledgement to the visitor).
/// </summary>
public sealed record NoticeMail(
    string Subject,
    string Intro,
    IReadOnlyList<(string Label, string Value)> Lines,
    string? Closing = null,
    string? LinkText = null,
    string? Link = null) : MailContent(Subject)
{
    public override string Text =>
        $"{Intro}\n\n"
        + string.Concat(Lines.Select(l => $"{l.Label}: {l.Value}\n"))
        + (Closing is null ? "" : $"\n{Closing}\n")
        + (Link is null ? "" : $"\n{LinkText}:\n{Link}\n");
}
