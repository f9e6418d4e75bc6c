namespace Sanatorium.Web.Email;

/// <summary>
/// A mail to a newsletter subscriber: paragraphs, then the visible unsubscribe note and link every
/// newsletter carries (<see cref="UnsubscribeFooter"/>; the headers are <c>SubscriptionHeaders</c>').
/// The welcome mail is one.
/// </summary>
public sealed record NewsletterMail(string Subject, IReadOnlyList<string> Paragraphs, string UnsubscribeNote, string UnsubscribeAction, string UnsubscribeLink)
    : MailContent(Subject)
{
    public override string Text =>
        string.Join("\n\n", Paragraphs) + $"\n\n--\n{UnsubscribeNote}\n{UnsubscribeAction}:\n{UnsubscribeLink}\n";
}
