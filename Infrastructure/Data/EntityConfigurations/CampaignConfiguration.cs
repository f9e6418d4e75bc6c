using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sanatorium.Core.Newsletters;
using Sanatorium.Core.Subscribers;

namespace Sanatorium.Infrastructure.Data.EntityConfigurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Campaign.MaxNameLength);
        builder.Property(c => c.AudienceLanguage).HasConversion<string>().HasMaxLength(2);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.UpdatedBy).HasMaxLength(256);
        builder.Property(c => c.Placeholder).HasMaxLength(100);
        builder.Property(c => c.LastError).HasMaxLength(Campaign.MaxErrorLength);

        // Two marketers saving, sending or pausing one campaign at once: the second save is refused.
        builder.Property<uint>("Version").IsRowVersion();
        builder.HasMany(c => c.Translations).WithOne().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Translations).AutoInclude();
        builder.Ignore(c => c.AudienceLanguages);
        builder.Ignore(c => c.IsEditable);

        // The dispatcher looks for campaigns that are sending and for scheduled ones that are due.
        builder.HasIndex(c => new { c.Status, c.ScheduledAt });
    }
}

internal sealed class CampaignTranslationConfiguration : IEntityTypeConfiguration<CampaignTranslation>
{
    public void Configure(EntityTypeBuilder<CampaignTranslation> builder)
    {
        builder.HasKey(t => new { t.CampaignId, t.Language });
        builder.Property(t => t.Language).HasConversion<string>().HasMaxLength(2);
        builder.Property(t => t.Subject).HasMaxLength(CampaignTranslation.MaxSubjectLength);
        builder.Property(t => t.Preheader).HasMaxLength(CampaignTranslation.MaxPreheaderLength);
        builder.Property(t => t.Body).HasMaxLength(CampaignTranslation.MaxBodyLength);
    }
}

internal sealed class CampaignDeliveryConfiguration : IEntityTypeConfiguration<CampaignDelivery>
{
    public void Configure(EntityTypeBuilder<CampaignDelivery> builder)
    {
        builder.Property(d => d.Language).HasConversion<string>().HasMaxLength(2);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Error).HasMaxLength(CampaignDelivery.MaxErrorLength);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);

        // Erasing a subscriber keeps the line (the report's numbers stay) without them.
        builder.HasOne<Subscriber>().WithMany().HasForeignKey(d => d.SubscriberId).OnDelete(DeleteBehavior.SetNull);

        // The ledger: one line per campaign and subscriber, however often or by how many instances it is written.
        builder.HasIndex(d => new { d.CampaignId, d.SubscriberId }).IsUnique();

        // The dispatcher claims a campaign's pending lines in id order.
        builder.HasIndex(d => new { d.CampaignId, d.Id }, "IX_CampaignDeliveries_Pending").HasFilter("\"Status\" = 'Pending'");

        // The progress page and the report count a campaign's lines per status; the subscriber page lists theirs.
        builder.HasIndex(d => new { d.CampaignId, d.Status, d.At });
        builder.HasIndex(d => d.SubscriberId);
    }
}

internal sealed class CampaignLinkConfiguration : IEntityTypeConfiguration<CampaignLink>
{
    public void Configure(EntityTypeBuilder<CampaignLink> builder)
    {
        builder.Property(l => l.Url).HasMaxLength(CampaignLink.MaxUrlLength);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(l => l.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.CampaignId);
    }
}
