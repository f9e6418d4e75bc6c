using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sanatorium.Core.Content;

namespace Sanatorium.Infrastructure.Data.EntityConfigurations;

internal sealed class StayPackageConfiguration : IEntityTypeConfiguration<StayPackage>
{
    public void Configure(EntityTypeBuilder<StayPackage> builder)
    {
        builder.Property(p => p.NameRu).HasMaxLength(StayPackage.MaxNameLength);
        builder.Property(p => p.NameEn).HasMaxLength(StayPackage.MaxNameLength);
        builder.Property(p => p.IncludedRu).HasMaxLength(StayPackage.MaxIncludedLength);
        builder.Property(p => p.IncludedEn).HasMaxLength(StayPackage.MaxIncludedLength);
        builder.Property(p => p.PricePerPerson).HasPrecision(12, 2);
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
        builder.Property(p => p.Version).IsRowVersion();
        builder.ToTable(t => t.HasCheckConstraint("CK_StayPackages_Nights", $"\"Nights\" BETWEEN 1 AND {StayPackage.MaxNights}"));
        builder.ToTable(t => t.HasCheckConstraint("CK_StayPackages_Price", "\"PricePerPerson\" >= 0"));
    }
}
