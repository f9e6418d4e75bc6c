using static Sanatorium.Core.Content.ContentFields;

namespace Sanatorium.Core.Content;

/// <summary>
/// Every kind of content, described once. A new kind is an entity and translation class, its description
/// here, its EF configuration, and its back office section and public pages in Web (<c>ContentSections</c>).
/// </summary>
public static class ContentKinds
{
    public static ContentKindDescription<Treatment, TreatmentTranslation> Treatment { get; } = new(key => new Treatment(key))
    {
        Kind = ContentKind.Treatment,
        Fields = [Title, SeoTitle, ContentFields.Slug, Lead, Description, Procedures, Contraindications, Results, Consequences, MetaDescription],
        SharedFields = [SortOrder, ProfileId],
        OwnerKey = nameof(TreatmentTranslation.TreatmentId),
    };

    public static ContentKindDescription<Profile, ProfileTranslation> Profile { get; } = new(key => new Profile(key, sortOrder: 0))
    {
        Kind = ContentKind.Profile,
        Fields = [Title, SeoTitle, ContentFields.Slug, Summary, MetaDescription],
        SharedFields = [SortOrder],
        OwnerKey = nameof(ProfileTranslation.ProfileId),
    };

    public static ContentKindDescription<InfoPage, InfoPageTranslation> InfoPage { get; } = new(key => new InfoPage(key, sortOrder: 0))
    {
        Kind = ContentKind.InfoPage,
        Fields = [Title, SeoTitle, ContentFields.Slug, Body, MetaDescription],
        SharedFields = [SortOrder],
        OwnerKey = nameof(InfoPageTranslation.InfoPageId),
    };

    public static ContentKindDescription<Promotion, PromotionTranslation> Promotion { get; } = new(key => new Promotion(key, startsOn: default, endsOn: default))
    {
        Kind = ContentKind.Promotion,
        Fields = [Title, SeoTitle, ContentFields.Slug, Text, ImageAlt, MetaDescription],
        SharedFields = [SortOrder, StartsOn, EndsOn, ImageId],
        OwnerKey = nameof(PromotionTranslation.PromotionId),
        ListOrder = promotions => promotions.OrderByDescending(p => p.StartsOn),
    };

    public static IReadOnlyList<ContentKindDescription> All { get; } = [Treatment, Profile, InfoPage, Promotion];

    public static ContentKindDescription Describe(this ContentKind kind) =>
        All.FirstOrDefault(d => d.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "A kind of content without a description.");
}
