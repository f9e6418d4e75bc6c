using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sanatorium.Infrastructure.Identity;

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder) =>
        // Identity's UserStore.UpdateAsync writes every column of the user it loaded; a login that
        // loaded the user before another one spent a code would write the old step back and let
        // the code in again. Only the provider's conditional UPDATE writes this column.
        builder.Property(u => u.LastAuthenticatorTimeStep).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
}
