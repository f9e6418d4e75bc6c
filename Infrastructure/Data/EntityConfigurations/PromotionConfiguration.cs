using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sanatorium.Core.Content;

namespace Sanatorium.Infrastructure.Data.EntityConfigurations;

internal sealed class PromotionConfiguration : IEntityTypeConfiguration<Promotion>
{
    public void Configure(EntityTypeBuilder<Promotion> builder)
    {
        builder.ConfigureTranslated(ContentKinds.Promotion);
        builder.HasIndex(p => new { p.StartsOn, p.EndsOn });
        builder.HasOne<MediaFile>().WithMany().HasForeignKey(p => p.ImageId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PromotionTranslationConfiguration : IEntityTypeConfiguration<PromotionTranslation>
{
    public void Configure(EntityTypeBuilder<PromotionTranslation> builder) =>
        builder.ConfigureTranslation(ContentKinds.Promotion);
}

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.Property(m => m.ContentType).HasMaxLength(100);
        builder.Property(m => m.UploadedBy).HasMaxLength(256);
    }
}
