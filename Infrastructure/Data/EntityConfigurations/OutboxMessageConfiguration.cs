using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sanatorium.Core.Mail;
using Sanatorium.Core.Subscribers;

namespace Sanatorium.Infrastructure.Data.EntityConfigurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Recipient).HasMaxLength(OutboxMessage.MaxRecipientLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.MaxSubjectLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        // Mail still waiting for an erased subscriber goes with them.
        builder.HasOne<Subscriber>().WithMany().HasForeignKey(m => m.SubscriberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.NextAttemptAt);
    }
}
