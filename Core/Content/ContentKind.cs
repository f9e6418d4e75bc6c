namespace Sanatorium.Core.Content;

/// <summary>The kinds of content editors write and publish.</summary>
public enum ContentKind
{
    Treatment,
    Profile,
    InfoPage,
    Promotion,
}
