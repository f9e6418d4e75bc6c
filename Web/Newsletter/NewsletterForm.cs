namespace Sanatorium.Web.Newsletter;

/// <summary>
/// The subscription form as a page shows it (Pages/Newsletter/_NewsletterForm): in every footer
/// empty, on the newsletter page with what was sent and the message for each field that was wrong.
/// <paramref name="IdPrefix"/> keeps the ids of two copies on one page apart.
/// </summary>
public sealed record NewsletterForm(string IdPrefix, string? Email = null, bool Consent = false, string? EmailError = null, string? ConsentError = null);
