namespace Sanatorium.Core.Content;

/// <summary>An address that used to name a page: it answers 301 to the page's current address.</summary>
public sealed class SlugRedirect
{
    private SlugRedirect()
    {
    }

    public SlugRedirect(ContentKind kind, Language language, string oldSlug, int entityId)
    {
        Kind = kind;
        Language = language;
        OldSlug = oldSlug;
        EntityId = entityId;
    }

    public int Id { get; private set; }

    public ContentKind Kind { get; private set; }

    public Language Language { get; private set; }

    public string OldSlug { get; private set; } = "";

    public int EntityId { get; private set; }
}
