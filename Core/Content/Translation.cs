using System.Linq.Expressions;

namespace Sanatorium.Core.Content;

/// <summary>
/// What a page says in one language: its slug, title and meta description, and whether visitors
/// may see it. A page exists in a language only when its translation there is published.
/// </summary>
public abstract class Translation
{
    private string slug = "";
    private string title = "";

    public Language Language { get; protected init; }

    public string Slug
    {
        get => slug;
        set => slug = Content.Slug.Require(value);
    }

    public string Title
    {
        get => title;
        set => title = string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException("A title is required.", nameof(value))
            : value.Trim();
    }

    /// <summary>The title for search engines and link previews (under about 60 characters); empty: made from <see cref="Title"/>.</summary>
    public string SeoTitle { get; set; } = "";

    public string MetaDescription { get; set; } = "";

    /// <summary>When visitors may first see this translation; null while it is a draft.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>When visitors last got a new version of this translation: its first publication or the latest one since (the sitemap's lastmod).</summary>
    public DateTimeOffset? LastPublishedAt { get; private set; }

    public bool IsPublishedAt(DateTimeOffset now) => PublishedAt is { } at && at <= now;

    /// <summary>
    /// The translations visitors may see at <paramref name="now"/>, as a query condition: the rule of
    /// <see cref="IsPublishedAt"/> that every public query uses, on a translation table or, through
    /// <c>AsQueryable()</c>, on a navigation (<c>p.Translations.AsQueryable().Any(visible)</c>).
    /// </summary>
    public static Expression<Func<T, bool>> VisibleAt<T>(DateTimeOffset now)
        where T : Translation =>
        t => t.PublishedAt != null && t.PublishedAt <= now;

    public void Publish(DateTimeOffset at) => PublishedAt = LastPublishedAt = at;

    /// <summary>A new version of a translation visitors already see, from <paramref name="at"/>: it stays visible since its first publication.</summary>
    public void Republish(DateTimeOffset at) => LastPublishedAt = at;

    public void Unpublish() => PublishedAt = null;

    /// <summary>What an editor edits in this language, by field name (see <see cref="ContentFields"/>).</summary>
    public virtual Dictionary<string, string> ReadFields() => new()
    {
        [ContentFields.Title] = Title,
        [ContentFields.SeoTitle] = SeoTitle,
        [ContentFields.Slug] = Slug,
        [ContentFields.MetaDescription] = MetaDescription,
    };

    /// <summary>Takes an editor's fields; a missing field is left as it is.</summary>
    public virtual void WriteFields(IReadOnlyDictionary<string, string> fields)
    {
        if (fields.TryGetValue(ContentFields.Title, out var title))
        {
            Title = title;
        }

        if (fields.TryGetValue(ContentFields.Slug, out var slug))
        {
            Slug = slug;
        }

        SeoTitle = fields.GetValueOrDefault(ContentFields.SeoTitle, SeoTitle).Trim();
        MetaDescription = fields.GetValueOrDefault(ContentFields.MetaDescription, MetaDescription);
    }
}
