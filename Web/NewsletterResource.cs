namespace Sanatorium.Web;

/// <summary>
/// Marker for the strings of the newsletter's public side (the form, the confirm and unsubscribe pages,
/// the confirmation and welcome mails) in Resources/NewsletterResource*.resx (Russian is the neutral language).
/// </summary>
public sealed class NewsletterResource
{
}
