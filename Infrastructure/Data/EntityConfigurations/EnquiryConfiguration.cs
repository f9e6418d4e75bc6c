using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sanatorium.Core.Content;
using Sanatorium.Core.Enquiries;

namespace Sanatorium.Infrastructure.Data.EntityConfigurations;

internal sealed class EnquiryConfiguration : IEntityTypeConfiguration<Enquiry>
{
    public void Configure(EntityTypeBuilder<Enquiry> builder)
    {
        builder.Property(e => e.Language).StoredAsCode();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Name).HasMaxLength(Enquiry.MaxNameLength);
        builder.Property(e => e.Phone).HasMaxLength(Enquiry.MaxPhoneLength);
        builder.Property(e => e.Email).HasMaxLength(Enquiry.MaxEmailLength);
        builder.Property(e => e.Message).HasMaxLength(Enquiry.MaxMessageLength);
        builder.Property(e => e.Notes).HasMaxLength(Enquiry.MaxNotesLength);
        builder.Property(e => e.ConsentSource).HasMaxLength(Enquiry.MaxConsentSourceLength);
        builder.Property(e => e.Assignee).HasMaxLength(256);

        // Two staff members changing one enquiry at once: the second save is refused.
        builder.Property(e => e.Version).IsRowVersion();
        builder.HasOne<Profile>().WithMany().HasForeignKey(e => e.ProfileId).OnDelete(DeleteBehavior.SetNull);

        // The inbox lists by status, newest first; the retention job finds old, unerased ones.
        builder.HasIndex(e => new { e.Status, e.CreatedAt });
        builder.HasIndex(e => e.CreatedAt).HasFilter("\"ErasedAt\" IS NULL");
    }
}
