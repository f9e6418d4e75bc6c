using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sanatorium.Infrastructure.Identity;

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    /// <summary>
    /// Identity's UserStore.UpdateAsync writes every column of the user it loaded. A request that
    /// loaded the user before another one spent a code, or counted a wrong password, would write the
    /// old value back: the code would work again, the guess would not count. Only the conditional
    /// UPDATEs of <see cref="OneTimeAuthenticatorTokenProvider"/> and <see cref="LoginThrottle"/>
    /// write these columns.
    /// </summary>
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.LastAuthenticatorTimeStep).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        builder.Property(u => u.FailedLogins).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        builder.Property(u => u.LoginPausedUntil).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
    }
}
