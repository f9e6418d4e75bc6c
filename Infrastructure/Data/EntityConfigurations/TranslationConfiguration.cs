using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sanatorium.Core;
using Sanatorium.Core.Content;

namespace Sanatorium.Infrastructure.Data.EntityConfigurations;

/// <summary>What every translation table shares: one row per language, slug unique per language.</summary>
internal static class TranslationConfiguration
{
    public static void ConfigureTranslation<T>(this EntityTypeBuilder<T> builder)
        where T : Translation
    {
        builder.Property(t => t.Language).StoredAsCode();
        builder.Property(t => t.Slug).HasMaxLength(ContentFields.MaxLength(ContentFields.Slug));
        builder.Property(t => t.Title).HasMaxLength(ContentFields.MaxLength(ContentFields.Title));
        builder.Property(t => t.MetaDescription).HasMaxLength(ContentFields.MaxLength(ContentFields.MetaDescription));
        builder.HasIndex(t => new { t.Language, t.Slug }).IsUnique();
    }

    public static void ConfigureTranslated<TEntity, TTranslation>(
        this EntityTypeBuilder<TEntity> builder,
        string foreignKey)
        where TEntity : TranslatedEntity<TTranslation>
        where TTranslation : Translation
    {
        builder.Property(e => e.Key).HasMaxLength(100);
        builder.HasIndex(e => e.Key).IsUnique();
        builder.HasMany(e => e.Translations)
            .WithOne()
            .HasForeignKey(foreignKey)
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
