using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Content;
using Sanatorium.Core.Enquiries;
using Sanatorium.Core.Mail;
using Sanatorium.Core.Newsletters;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Identity;

namespace Sanatorium.Infrastructure.Data;

public sealed class SanatoriumDbContext(DbContextOptions<SanatoriumDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Profile> Profiles => Set<Profile>();

    public DbSet<ProfileTranslation> ProfileTranslations => Set<ProfileTranslation>();

    public DbSet<Treatment> Treatments => Set<Treatment>();

    public DbSet<TreatmentTranslation> TreatmentTranslations => Set<TreatmentTranslation>();

    public DbSet<InfoPage> InfoPages => Set<InfoPage>();

    public DbSet<InfoPageTranslation> InfoPageTranslations => Set<InfoPageTranslation>();

    public DbSet<Promotion> Promotions => Set<Promotion>();

    public DbSet<PromotionTranslation> PromotionTranslations => Set<PromotionTranslation>();

    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();

    public DbSet<ContactDetails> ContactDetails => Set<ContactDetails>();

    public DbSet<OperatorDetails> OperatorDetails => Set<OperatorDetails>();

    public DbSet<StayPackage> StayPackages => Set<StayPackage>();

    public DbSet<ScheduledPublication> ScheduledPublications => Set<ScheduledPublication>();

    public DbSet<Enquiry> Enquiries => Set<Enquiry>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ContentRevision> ContentRevisions => Set<ContentRevision>();

    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();

    public DbSet<Subscriber> Subscribers => Set<Subscriber>();

    public DbSet<SubscriberEvent> SubscriberEvents => Set<SubscriberEvent>();

    public DbSet<SuppressedAddress> SuppressedAddresses => Set<SuppressedAddress>();

    public DbSet<SubscriberImport> SubscriberImports => Set<SubscriberImport>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignTranslation> CampaignTranslations => Set<CampaignTranslation>();

    public DbSet<CampaignDelivery> CampaignDeliveries => Set<CampaignDelivery>();

    public DbSet<CampaignLink> CampaignLinks => Set<CampaignLink>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<SiteSecret> SiteSecrets => Set<SiteSecret>();

    /// <summary>The Data Protection key ring, shared by every instance (signed links, cookies, antiforgery).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<SiteSecret>().HasKey(s => s.Name);
        builder.ApplyConfigurationsFromAssembly(typeof(SanatoriumDbContext).Assembly);
    }
}
