using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Identity;

namespace Sanatorium.Infrastructure.Data;

public sealed class SanatoriumDbContext(DbContextOptions<SanatoriumDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
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

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ContentRevision> ContentRevisions => Set<ContentRevision>();

    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SanatoriumDbContext).Assembly);
    }
}
