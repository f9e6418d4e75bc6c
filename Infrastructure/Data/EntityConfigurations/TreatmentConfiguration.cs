using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sanatorium.Core.Content;

namespace Sanatorium.Infrastructure.Data.EntityConfigurations;

internal sealed class TreatmentConfiguration : IEntityTypeConfiguration<Treatment>
{
    public void Configure(EntityTypeBuilder<Treatment> builder)
    {
        builder.ConfigureTranslated(ContentKinds.Treatment);
        builder.HasOne(t => t.Profile)
            .WithMany(p => p.Treatments)
            .HasForeignKey(t => t.ProfileId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TreatmentTranslationConfiguration : IEntityTypeConfiguration<TreatmentTranslation>
{
    public void Configure(EntityTypeBuilder<TreatmentTranslation> builder) =>
        builder.ConfigureTranslation(ContentKinds.Treatment);
}
