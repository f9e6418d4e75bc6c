namespace Sanatorium.Core.Content;

/// <summary>What the back office needs of any kind of content, whatever its translation type.</summary>
public interface IContentEntity
{
    int Id { get; }

    ContentKind Kind { get; }

    IEnumerable<Translation> Translations { get; }

    Translation? Find(Language language);

    Draft ToDraft();

    IReadOnlyList<SlugChange> Publish(Draft draft, DateTimeOffset at);
}

/// <summary>A published slug that an editor changed: the old address answers 301 to the new one.</summary>
public sealed record SlugChange(Language Language, string OldSlug, string NewSlug);
