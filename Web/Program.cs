using System.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.WebEncoders;
using Sanatorium.Infrastructure;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Accounts;
using Sanatorium.Web.Email;
using Sanatorium.Web.Newsletter;
using Sanatorium.Web.Site;
using Sanatorium.Web.Site.Observability;
using Sanatorium.Web.Site.OutputCaching;

[assembly: NeutralResourcesLanguage("ru")]

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // Started from its publish folder (`dotnet /srv/site/Sanatorium.Web.dll`, whatever the working directory),
    // the site's wwwroot and settings are beside the program; `dotnet run` keeps the project folder.
    ContentRootPath = Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")) ? AppContext.BaseDirectory : null,
});

builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
builder.AddObservability();

builder.Services.AddInfrastructure();
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = HtmlEncoding.Settings);
builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
builder.Services.Configure<RequestLocalizationOptions>(SiteLanguage.Configure);
builder.Services.AddRouting(options => options.LowercaseUrls = true);
builder.Services.AddRazorPages(options =>
    {
        options.Conventions.Add(new EnglishRouteConvention());
        options.Conventions.Add(new PageMethodsConvention());
        AdminAccess.AddConventions(options.Conventions);
    })
    .AddDataAnnotationsLocalization(options =>
        options.DataAnnotationLocalizerProvider = (_, factory) =>
            new FallbackStringLocalizer(factory.Create(typeof(AdminResource)), factory.Create(typeof(AccountResource))));
builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(AdminCookies.Configure);
SecureCookies.AddTo(builder.Services, builder.Environment);
TrustedProxies.AddTo(builder.Services);
builder.Services.AddScoped<IdentityErrorDescriber, LocalizedIdentityErrors>();
builder.Services.AddScoped<AccountEmails>();
builder.Services.AddScoped<MailRenderer>();
builder.Services.AddScoped<SubscriptionMails>();
builder.Services.AddScoped<CampaignMails>();
builder.Services.AddScoped<Sanatorium.Web.Enquiries.EnquiryIntake>();
builder.Services.AddSingleton<CampaignLinks>();
builder.Services.AddAuthorization(AdminAccess.AddPolicies);
builder.Services.AddPageCompression();
builder.Services.AddRateLimiter(_ => { });
builder.Services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>(RateLimits.Configure);
builder.Services.AddSingleton<ContentRenderer>();
builder.Services.AddScoped<PromotionCards>();
builder.Services.AddScoped<Sanatorium.Web.Admin.Marketing.CampaignControl>();
builder.Services.AddMemoryCache();
builder.Services.AddPublicPageCache();
builder.Services.AddScoped<SiteContacts>();
builder.Services.AddScoped<Sanatorium.Web.Areas.Admin.Pages.Marketing.Imports.ImportUpload>();
builder.Services.AddHostedService<Sanatorium.Web.Areas.Admin.Pages.Marketing.Imports.ImportConfirmations>();

var app = builder.Build();

if (args is ["migrate"])
{
    // `dotnet Sanatorium.Web.dll migrate`: apply migrations and seed, then exit.
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    return;
}

app.UseObservability();
app.UseForwardedHeaders();
app.UsePageCompression();
app.UseCookiePolicy();
app.UseRequestLocalization();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseCanonicalSlashes();
app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseInputChecks();
app.UsePublicPageCache();

app.MapStaticAssets().ShortCircuit();
app.MapHealthChecks("/healthz").WithMetadata(new HttpMethodMetadata(ReadMethods.GetAndHead));
app.MapHealthChecks("/healthz/live", new() { Predicate = _ => false }).WithMetadata(new HttpMethodMetadata(ReadMethods.GetAndHead));
app.MapSeo();
app.MapMedia();
app.MapCampaignLinks();
app.MapRazorPages().WithStaticAssets();

app.Run();

/// <summary>The entry point; public so that tests can start the site with WebApplicationFactory.</summary>
public partial class Program;
