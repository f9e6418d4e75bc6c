namespace Sanatorium.Web.Email;

/// <summary>
/// A mail that asks for one thing behind one link: a paragraph, the link as a button, and how long
/// the link works (password reset, staff invitation).
/// </summary>
public sealed record LinkMail(string Subject, string Intro, string Action, string Link, string Lifetime) : MailContent(Subject)
{
    public override string Text => $"{Intro}\n\n{Action}:\n{Link}\n\n{Lifetime}\n";
}
