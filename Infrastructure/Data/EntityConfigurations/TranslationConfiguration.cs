using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sanatorium.Core;
using Sanatorium.Core.Content;

namespace Sanatorium.Infrastructure.Data.EntityConfigurations;

/// <summary>
/// What every kind of content's tables share, from its description: one translation row per language,
/// keyed by the piece of content and the language, slug unique per language, each short field's column as
/// wide as its limit (the Markdown fields are unbounded text).
/// </summary>
internal static class TranslationConfiguration
{
    public static void ConfigureTranslation<TEntity, TTranslation>(
        this EntityTypeBuilder<TTranslation> builder,
        ContentKindDescription<TEntity, TTranslation> kind)
        where TEntity : TranslatedEntity<TTranslation>
        where TTranslation : Translation
    {
        builder.HasKey(kind.OwnerKey, nameof(Translation.Language));
        builder.Property(t => t.Language).StoredAsCode();
        foreach (var field in kind.Fields.Where(f => !ContentFields.IsMarkdown(f)))
        {
            builder.Property(field).HasMaxLength(ContentFields.MaxLength(field));
        }

        builder.HasIndex(t => new { t.Language, t.Slug }).IsUnique();
    }

    public static void ConfigureTranslated<TEntity, TTranslation>(
        this EntityTypeBuilder<TEntity> builder,
        ContentKindDescription<TEntity, TTranslation> kind)
        where TEntity : TranslatedEntity<TTranslation>
        where TTranslation : Translation
    {
        builder.Property(e => e.Key).HasMaxLength(100);
        builder.HasIndex(e => e.Key).IsUnique();
        builder.HasMany(e => e.Translations)
            .WithOne()
            .HasForeignKey(kind.OwnerKey)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Translations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    /// <summary>A language is stored as its two-letter code ("ru", "en").</summary>
    public static PropertyBuilder<Language> StoredAsCode(this PropertyBuilder<Language> property) =>
        property.HasConversion(l => l.Code(), code => Parse(code)).HasMaxLength(2);

    private static Language Parse(string code) =>
        Languages.TryParse(code, out var language)
            ? language
            : throw new InvalidOperationException($"Unknown language code '{code}' in the database.");
}
