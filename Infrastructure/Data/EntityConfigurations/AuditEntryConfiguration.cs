using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sanatorium.Core.Audit;

namespace Sanatorium.Infrastructure.Data.EntityConfigurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.User).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Target).HasMaxLength(400);
        builder.Property(e => e.Details).HasMaxLength(4000);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.User, e.At });
    }
}
