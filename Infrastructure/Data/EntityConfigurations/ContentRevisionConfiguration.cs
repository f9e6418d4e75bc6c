using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sanatorium.Core.Content;

namespace Sanatorium.Infrastructure.Data.EntityConfigurations;

internal sealed class ContentRevisionConfiguration : IEntityTypeConfiguration<ContentRevision>
{
    public void Configure(EntityTypeBuilder<ContentRevision> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Author).HasMaxLength(256);
        builder.Property(r => r.Data).HasColumnType("jsonb");
        // Two editors saving on top of the same revision: the second insert fails and is told.
        builder.HasIndex(r => new { r.Kind, r.EntityId, r.Number }).IsUnique();
    }
}

internal sealed class SlugRedirectConfiguration : IEntityTypeConfiguration<SlugRedirect>
{
    public void Configure(EntityTypeBuilder<SlugRedirect> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Language).StoredAsCode();
        builder.Property(r => r.OldSlug).HasMaxLength(Slug.MaxLength);
        builder.HasIndex(r => new { r.Kind, r.Language, r.OldSlug }).IsUnique();
    }
}
