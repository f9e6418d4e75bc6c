using System.Globalization;
using System.Resources;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Content;

namespace Sanatorium.Web.Tests.Rules;

/// <summary>
/// Every kind of content is described completely, once: its fields with their limits, the classes and columns
/// that keep them, and its back office section with the names editors read. A kind described by half fails here.
/// </summary>
public sealed class ContentKindTests
{
    public static TheoryData<ContentKind> Kinds => [.. Enum.GetValues<ContentKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_has_one_description_and_one_back_office_section(ContentKind kind)
    {
        Assert.Single(ContentKinds.All, d => d.Kind == kind);
        Assert.Single(ContentSections.All, s => s.Kind == kind);
        Assert.Single(ContentSections.All, s => s.Segment == ContentSections.Of(kind).Segment);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_has_a_title_a_slug_and_fields_with_limits(ContentKind kind)
    {
        var description = kind.Describe();

        Assert.NotEmpty(description.Fields);
        Assert.Equal(description.Fields.Distinct(), description.Fields);
        Assert.Contains(ContentFields.Title, description.Fields);
        Assert.Contains(ContentFields.Slug, description.Fields);
        Assert.All(description.Fields, field => Assert.InRange(ContentFields.MaxLength(field), 1, ContentFields.MaxMarkdownLength));
        Assert.Contains(ContentFields.SortOrder, description.SharedFields);
        Assert.Equal(description.HasDates, description.SharedFields.Contains(ContentFields.EndsOn));
        Assert.Equal(description.HasPicture, description.Fields.Contains(ContentFields.ImageAlt));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_field_of_a_kind_is_kept_by_its_classes(ContentKind kind)
    {
        var description = kind.Describe();
        var draft = new Draft
        {
            Shared = description.SharedFields.ToDictionary(f => f, SharedSample),
            Languages = { [Language.Ru] = description.Fields.ToDictionary(f => f, f => f == ContentFields.Slug ? "sample" : $"{f} sample") },
        };
        var entity = description.Create("sample");

        entity.Publish(draft, DateTimeOffset.UnixEpoch);

        Assert.Equal(kind, entity.Kind);
        Assert.Equal(draft.Shared.OrderBy(f => f.Key), entity.ToDraft().Shared.OrderBy(f => f.Key));
        Assert.Equal(draft.Fields(Language.Ru).OrderBy(f => f.Key), entity.ToDraft().Fields(Language.Ru).OrderBy(f => f.Key));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_field_is_a_column_as_wide_as_its_limit(ContentKind kind)
    {
        var description = kind.Describe();
        using var db = new SanatoriumDbContext(new DbContextOptionsBuilder<SanatoriumDbContext>().UseNpgsql("Host=unused").Options);
        var entity = db.Model.FindEntityType(description.EntityType)!;
        var translation = db.Model.FindEntityType(description.TranslationType)!;

        foreach (var field in description.Fields)
        {
            var column = translation.FindProperty(field);
            Assert.True(column is not null, $"{kind}: no column for {field}");
            Assert.Equal(ContentFields.IsMarkdown(field) ? null : ContentFields.MaxLength(field), column.GetMaxLength());
        }

        Assert.All(description.SharedFields, field => Assert.NotNull(entity.FindProperty(field)));
        Assert.Contains(translation.GetForeignKeys(), key => key.PrincipalEntityType == entity && key.Properties.Single().Name == description.OwnerKey);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_and_field_has_a_name_in_both_languages(ContentKind kind)
    {
        var strings = new ResourceManager("Sanatorium.Web.Resources.AdminResource", typeof(AdminResource).Assembly);
        foreach (var culture in new[] { CultureInfo.InvariantCulture, new CultureInfo("en") })
        {
            var names = strings.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!;
            Assert.NotNull(names.GetString(ContentSections.Of(kind).NameKey));
            Assert.All(kind.Describe().Fields, field => Assert.NotNull(names.GetString("Field_" + field)));
        }
    }

    /// <summary>A value each shared field takes; a new shared field needs one here.</summary>
    private static string SharedSample(string field) => field switch
    {
        ContentFields.SortOrder => "5",
        ContentFields.ProfileId => "7",
        ContentFields.StartsOn => "2026-06-01",
        ContentFields.EndsOn => "2026-06-30",
        ContentFields.ImageId => "0f8fad5b-d9cb-469f-a165-70867728950e",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "A shared field without a sample value."),
    };
}
