using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sanatorium.Core.Content;

namespace Sanatorium.Infrastructure.Data.EntityConfigurations;

internal sealed class ScheduledPublicationConfiguration : IEntityTypeConfiguration<ScheduledPublication>
{
    public void Configure(EntityTypeBuilder<ScheduledPublication> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.ScheduledBy).HasMaxLength(256);

        // At most one scheduled publication per piece of content; the publisher finds the due ones by time.
        builder.HasIndex(s => new { s.Kind, s.EntityId }).IsUnique();
        builder.HasIndex(s => s.PublishAt);
    }
}
