using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sanatorium.Core.Content;

namespace Sanatorium.Infrastructure.Data.EntityConfigurations;

internal sealed class InfoPageConfiguration : IEntityTypeConfiguration<InfoPage>
{
    public void Configure(EntityTypeBuilder<InfoPage> builder) =>
        builder.ConfigureTranslated(ContentKinds.InfoPage);
}

internal sealed class InfoPageTranslationConfiguration : IEntityTypeConfiguration<InfoPageTranslation>
{
    public void Configure(EntityTypeBuilder<InfoPageTranslation> builder) =>
        builder.ConfigureTranslation(ContentKinds.InfoPage);
}
