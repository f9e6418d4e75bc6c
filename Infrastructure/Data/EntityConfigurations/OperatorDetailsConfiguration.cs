using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sanatorium.Core.Content;

namespace Sanatorium.Infrastructure.Data.EntityConfigurations;

internal sealed class OperatorDetailsConfiguration : IEntityTypeConfiguration<OperatorDetails>
{
    public void Configure(EntityTypeBuilder<OperatorDetails> builder)
    {
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.LegalNameRu).HasMaxLength(300);
        builder.Property(o => o.LegalNameEn).HasMaxLength(300);
        builder.Property(o => o.Inn).HasMaxLength(12);
        builder.Property(o => o.Ogrn).HasMaxLength(15);
        builder.Property(o => o.LegalAddressRu).HasMaxLength(300);
        builder.Property(o => o.LegalAddressEn).HasMaxLength(300);
        builder.Property(o => o.LicenceRu).HasMaxLength(2000);
        builder.Property(o => o.LicenceEn).HasMaxLength(2000);
    }
}
