using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sanatorium.Core.Subscribers;

namespace Sanatorium.Infrastructure.Data.EntityConfigurations;

internal sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> builder)
    {
        builder.Property(s => s.Email).HasMaxLength(SubscriberEmail.MaxLength);
        builder.Property(s => s.Name).HasMaxLength(Subscriber.MaxNameLength);
        builder.Property(s => s.ConsentSource).HasMaxLength(Subscriber.MaxConsentSourceLength);
        builder.Property(s => s.ConsentAttestedBy).HasMaxLength(256);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Language).HasConversion<string>().HasMaxLength(2);
        builder.Property(s => s.ConsentLanguage).HasConversion<string>().HasMaxLength(2);

        // Addresses are stored normalised (lower case), so a plain unique index makes them unique case-insensitively.
        builder.HasIndex(s => s.Email).IsUnique();
        // Prefix and substring search in the back office (LIKE 'abc%' and LIKE '%abc%').
        builder.HasIndex(s => s.Email, "IX_Subscribers_Email_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        // Keyset paging (newest first) within a status, a language or a source.
        builder.HasIndex(s => new { s.Status, s.Id });
        builder.HasIndex(s => new { s.Language, s.Id });
        builder.HasIndex(s => new { s.Source, s.Id });
    }
}

internal sealed class SubscriberEventConfiguration : IEntityTypeConfiguration<SubscriberEvent>
{
    public void Configure(EntityTypeBuilder<SubscriberEvent> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Details).HasMaxLength(SubscriberEvent.MaxDetailsLength);
        builder.HasOne<Subscriber>().WithMany().HasForeignKey(e => e.SubscriberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.SubscriberId, e.At });
        // The dashboard counts confirmations and departures per day.
        builder.HasIndex(e => new { e.Kind, e.At });
    }
}

internal sealed class SuppressedAddressConfiguration : IEntityTypeConfiguration<SuppressedAddress>
{
    public void Configure(EntityTypeBuilder<SuppressedAddress> builder)
    {
        builder.HasKey(s => s.EmailHash);
    }
}
