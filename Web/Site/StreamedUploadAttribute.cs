namespace Sanatorium.Web.Site;

/// <summary>
/// Marks the one page that reads its request body itself, as a stream to disk (the subscriber CSV
/// import): <see cref="InputChecks"/> leaves its form unread, and the page sets its own body size
/// limit and checks the antiforgery token itself. Everywhere else the site-wide limits hold.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StreamedUploadAttribute : Attribute
{
}
