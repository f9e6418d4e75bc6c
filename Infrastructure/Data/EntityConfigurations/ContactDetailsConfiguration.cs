using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sanatorium.Core.Content;

namespace Sanatorium.Infrastructure.Data.EntityConfigurations;

internal sealed class ContactDetailsConfiguration : IEntityTypeConfiguration<ContactDetails>
{
    public void Configure(EntityTypeBuilder<ContactDetails> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Phone).HasMaxLength(40);
        builder.Property(c => c.AddressRu).HasMaxLength(300);
        builder.Property(c => c.AddressEn).HasMaxLength(300);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.EnquiryEmail).HasMaxLength(254);
        builder.Ignore(c => c.PhoneLink);
    }
}
