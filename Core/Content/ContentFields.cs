namespace Sanatorium.Core.Content;

/// <summary>
/// The names of the fields editors fill in, as they are kept in drafts and revisions (each is the name of
/// the property that stores it), and each per-language field's limit. Which kind has which fields is in
/// <see cref="ContentKinds"/>.
/// </summary>
public static class ContentFields
{
    public const string Title = "Title";
    public const string SeoTitle = "SeoTitle";
    public const string Slug = "Slug";
    public const string MetaDescription = "MetaDescription";
    public const string Lead = "Lead";
    public const string Description = "Description";
    public const string Procedures = "Procedures";
    public const string Contraindications = "Contraindications";
    public const string Results = "Results";
    public const string Consequences = "Consequences";
    public const string Summary = "Summary";
    public const string Body = "Body";
    public const string Text = "Text";
    public const string ImageAlt = "ImageAlt";

    // Fields shared by all languages.
    public const string SortOrder = "SortOrder";
    public const string ProfileId = "ProfileId";
    public const string StartsOn = "StartsOn";
    public const string EndsOn = "EndsOn";
    public const string ImageId = "ImageId";

    public const int MaxMarkdownLength = 100_000;

    /// <summary>
    /// The most characters a per-language field may hold: the edit form refuses more, and the database
    /// columns of the short fields are this wide (the Markdown ones are unbounded text). A field has to be
    /// given its limit here before a kind can have it.
    /// </summary>
    public static int MaxLength(string field) => field switch
    {
        Title => 300,
        SeoTitle => 70,
        Slug => Content.Slug.MaxLength,
        MetaDescription or ImageAlt => 400,
        _ when IsMarkdown(field) => MaxMarkdownLength,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "A per-language field without a length limit."),
    };

    /// <summary>Sort orders run from 0 (first) to this.</summary>
    public const int MaxSortOrder = 9999;

    /// <summary>A sort order as the form sends it: a whole number from 0 to <see cref="MaxSortOrder"/>, digits only.</summary>
    public static bool TryParseSortOrder(string? value, out int order) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out order)
        && order <= MaxSortOrder;

    /// <summary>Fields that take several lines of Markdown.</summary>
    public static bool IsMarkdown(string field) =>
        field is Lead or Description or Procedures or Contraindications or Results or Consequences or Summary or Body or Text;

    /// <summary>Dates are kept in drafts as yyyy-MM-dd, the value of an HTML date input.</summary>
    public static bool TryParseDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);
}
