using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Admin.Content;

/// <summary>
/// The edit form of any kind of content: the shared fields and each language's fields side by side,
/// bound as Input.Fields[ru-Title] and so on, turned into a <see cref="Draft"/> with field-level errors.
/// </summary>
public sealed class DraftForm
{
    /// <summary>The revision the editor started from (0: the published page); a newer one means someone else saved.</summary>
    public int BaseRevision { get; set; }

    public Dictionary<string, string?> Shared { get; set; } = [];

    public Dictionary<string, string?> Fields { get; set; } = [];

    public static string Key(Language language, string field) => $"{language.Code()}-{field}";

    /// <summary>The name a field's input carries, and its ModelState key.</summary>
    public static string Name(Language language, string field) => $"Input.Fields[{Key(language, field)}]";

    public string Value(Language language, string field) => Fields.GetValueOrDefault(Key(language, field)) ?? "";

    public static DraftForm From(Draft draft, int baseRevision) => new()
    {
        BaseRevision = baseRevision,
        Shared = draft.Shared.ToDictionary(f => f.Key, f => (string?)f.Value),
        Fields = Languages.All
            .SelectMany(l => draft.Fields(l).Select(f => (Key: Key(l, f.Key), f.Value)))
            .ToDictionary(f => f.Key, f => (string?)f.Value),
    };

    /// <summary>
    /// The draft the form describes: the kind's own fields, nothing else. A language with a title gets a
    /// slug made from it when the slug is left empty; what cannot be saved is reported on its field and
    /// the draft is null.
    /// </summary>
    public Draft? ToDraft(ContentKindDescription kind, ModelStateDictionary errors, IStringLocalizer text, ContentRenderer markdown)
    {
        var draft = new Draft
        {
            Shared = kind.SharedFields
                .Where(f => Shared.GetValueOrDefault(f) is not null)
                .ToDictionary(f => f, f => Shared[f]!.Trim()),
        };
        if (!ContentFields.TryParseSortOrder(draft.Shared.GetValueOrDefault(ContentFields.SortOrder), out _))
        {
            errors.AddModelError(SharedName(ContentFields.SortOrder), text["SortOrderInvalid", ContentFields.MaxSortOrder]);
        }

        foreach (var language in Languages.All)
        {
            var fields = kind.Fields.ToDictionary(f => f, f => Value(language, f).Trim());
            if (fields[ContentFields.Title].Length > 0 && fields[ContentFields.Slug].Length == 0)
            {
                fields[ContentFields.Slug] = Slug.FromTitle(fields[ContentFields.Title]);
                Fields[Key(language, ContentFields.Slug)] = fields[ContentFields.Slug];
            }

            foreach (var (field, value) in fields)
            {
                if (Problem(field, value, fields[ContentFields.Title].Length > 0, markdown) is { } problem)
                {
                    errors.AddModelError(Name(language, field), text[problem, ContentRenderer.MaxMarks]);
                }
            }

            draft.Languages[language] = fields;
        }

        if (!Languages.All.Any(draft.HasTranslation))
        {
            errors.AddModelError(Name(Languages.Default, ContentFields.Title), text["TitleRequired"]);
        }

        if (kind.HasDates)
        {
            CheckDates(draft, errors, text);
        }

        if (kind.HasPicture)
        {
            CheckPictureDescribed(draft, errors, text);
        }

        return errors.IsValid ? draft : null;
    }

    /// <summary>Content with dates runs from one day to the same or a later one.</summary>
    private static void CheckDates(Draft draft, ModelStateDictionary errors, IStringLocalizer text)
    {
        var hasStart = ContentFields.TryParseDate(draft.Shared.GetValueOrDefault(ContentFields.StartsOn), out var starts);
        var hasEnd = ContentFields.TryParseDate(draft.Shared.GetValueOrDefault(ContentFields.EndsOn), out var ends);
        if (!hasStart)
        {
            errors.AddModelError(SharedName(ContentFields.StartsOn), text["DateRequired"]);
        }

        if (!hasEnd)
        {
            errors.AddModelError(SharedName(ContentFields.EndsOn), text["DateRequired"]);
        }
        else if (hasStart && ends < starts)
        {
            errors.AddModelError(SharedName(ContentFields.EndsOn), text["EndsBeforeStart"]);
        }
    }

    /// <summary>A picture is described in every language the content is in.</summary>
    private static void CheckPictureDescribed(Draft draft, ModelStateDictionary errors, IStringLocalizer text)
    {
        if (!string.IsNullOrEmpty(draft.Shared.GetValueOrDefault(ContentFields.ImageId)))
        {
            foreach (var language in Languages.All.Where(draft.HasTranslation))
            {
                if (string.IsNullOrWhiteSpace(draft.Fields(language).GetValueOrDefault(ContentFields.ImageAlt)))
                {
                    errors.AddModelError(Name(language, ContentFields.ImageAlt), text["ImageAltRequired"]);
                }
            }
        }
    }

    public static string SharedName(string field) => $"Input.Shared[{field}]";

    private static string? Problem(string field, string value, bool hasTitle, ContentRenderer markdown) => field switch
    {
        ContentFields.Slug when hasTitle && !Slug.IsValid(value) => "SlugInvalid",
        _ when value.Length > ContentFields.MaxLength(field) => "TooLong",
        _ when ContentFields.IsMarkdown(field) && !markdown.CanRender(value) => "MarkdownTooDeep",
        _ => null,
    };
}
