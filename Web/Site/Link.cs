namespace Sanatorium.Web.Site;

/// <summary>A link as a page shows it: where it goes and what it says.</summary>
public sealed record Link(string Href, string Text);
