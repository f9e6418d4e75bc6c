using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sanatorium.Core.Subscribers;

namespace Sanatorium.Infrastructure.Data.EntityConfigurations;

internal sealed class SubscriberImportConfiguration : IEntityTypeConfiguration<SubscriberImport>
{
    public void Configure(EntityTypeBuilder<SubscriberImport> builder)
    {
        builder.Property(i => i.UploadedBy).HasMaxLength(256);
        builder.Property(i => i.FileName).HasMaxLength(SubscriberImport.MaxFileNameLength);
        builder.Property(i => i.StoredPath).HasMaxLength(1000);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Error).HasMaxLength(SubscriberImport.MaxErrorLength);
        builder.Ignore(i => i.ConsentSource);
        builder.Ignore(i => i.IsFinished);
        // The worker looks for queued imports and for running ones whose lease ran out.
        builder.HasIndex(i => i.Status);
    }
}
