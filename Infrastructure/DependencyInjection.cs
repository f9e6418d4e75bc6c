using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Caching;
using Sanatorium.Infrastructure.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Email;
using Sanatorium.Infrastructure.Enquiries;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Infrastructure.Newsletters;
using Sanatorium.Infrastructure.Options;
using Sanatorium.Infrastructure.Seed;
using Sanatorium.Infrastructure.Subscribers;

namespace Sanatorium.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// PostgreSQL, Identity stores, the validated options of DESIGN.md's configuration contract,
    /// and the database start-up (migrations and seed under an advisory lock).
    /// Configuration is read when services are resolved, so a test host may override it.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                options.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? "";
                options.MigrateOnStartup = configuration.GetValue("Database:MigrateOnStartup", true);
            })
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.ConnectionString),
                "ConnectionStrings:Sanatorium is not set: give the PostgreSQL connection string in appsettings or as the environment variable ConnectionStrings__Sanatorium.")
            .ValidateOnStart();
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);

        services.AddDbContext<SanatoriumDbContext>((provider, options) =>
            options.UseNpgsql(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString));

        // The first hosted service: Data Protection's own (added next) reads the key ring when the
        // site starts, and must find the database migrated and the first key made (DatabaseInitializer).
        services.AddScoped<DatabaseInitializer>();
        services.AddHostedService<DatabaseStartup>();

        // One key ring in PostgreSQL for every instance, kept across restarts: signed links in mail
        // (confirm, unsubscribe, password reset), cookies and antiforgery tokens stay valid.
        services.AddDataProtection().SetApplicationName("Sanatorium").PersistKeysToDbContext<SanatoriumDbContext>();

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                // Identity's lockout counts only wrong second-factor codes, which only someone with
                // the password can send; wrong passwords pause their check instead (LoginThrottle).
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SanatoriumDbContext>()
            .AddUserManager<StaffUserManager>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
        // A reset or set-password link works once (it carries the security stamp) and for a day.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromDays(1));
        // Logging out, a lock, a deletion, a new password or new roles end open sessions at their next request.
        services.AddScoped<ISecurityStampValidator, StaffSessionValidator>();

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditLog>();
        services.AddScoped<ContentEditor>();
        services.AddScoped<ContentSchedule>();
        services.AddScoped<SlugRedirects>();
        services.AddScoped<ContentSeeder>();
        services.AddScoped<AdministratorSeeder>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<LoginThrottle>();
        services.AddSingleton<MailKitEmailSender>();
        services.AddSingleton<MailStamp>();
        services.AddScoped<MailOutbox>();
        services.AddSingleton<CampaignMessages>();
        services.AddScoped<CampaignLedger>();
        services.AddSingleton<SubscriberHasher>();
        services.AddSubscriptions();
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section);
        services.AddSingleton<ImportRunner>();
        // After DatabaseStartup, so that they read a migrated database.
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<OutboxSender>();
        services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<CampaignDispatcher>();
        // Meters (docs/decisions/0032-logs-and-metrics.md): exported only when the site configures an exporter.
        services.AddMetrics();
        services.AddSingleton<OutboxGauges>();
        services.AddSingleton<CampaignMetrics>();
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<ScheduledPublisher>();
        services.AddSingleton<ImportWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<ImportWorker>());
        services.AddOptions<EnquiryOptions>().BindConfiguration(EnquiryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<EnquiryRetention>();
        // What public pages keep, emptied on every instance when the site changes (docs/decisions/0029-output-cache.md).
        // The output cache store itself comes with the web host's AddOutputCache.
        services.AddSingleton<PublicCache>();
        services.AddScoped<SiteChanges>();
        services.AddHostedService<SiteChangeListener>();
        services.AddHealthChecks().AddDbContextCheck<SanatoriumDbContext>("database");
        return services;
    }
}
