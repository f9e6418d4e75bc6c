namespace Sanatorium.Core.Content;

/// <summary>Where a page stands in one language, as the back office lists it.</summary>
public enum TranslationStatus
{
    /// <summary>No title in this language: visitors get 404 there.</summary>
    Missing,

    /// <summary>Written but not visible to visitors.</summary>
    Draft,

    /// <summary>Visible, and the newest draft is what visitors see.</summary>
    Published,

    /// <summary>Visible, with saved changes not yet published.</summary>
    PublishedWithChanges,
}

public static class TranslationStatuses
{
    /// <summary>The status of one language of <paramref name="entity"/>, given its newest draft (null when never edited).</summary>
    public static TranslationStatus Of(IContentEntity entity, Draft? latest, Language language, DateTimeOffset now)
    {
        var live = entity.Find(language);
        var visible = live?.IsPublishedAt(now) == true;
        latest ??= entity.ToDraft();
        if (!latest.HasTranslation(language))
        {
            return visible ? TranslationStatus.Published : TranslationStatus.Missing;
        }

        if (!visible)
        {
            return TranslationStatus.Draft;
        }

        return latest.SameAs(entity.ToDraft(), language)
            ? TranslationStatus.Published
            : TranslationStatus.PublishedWithChanges;
    }
}
