using System.Resources;
using Microsoft.AspNetCore.Localization;
using Sanatorium.Infrastructure;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Site;

[assembly: NeutralResourcesLanguage("ru")]

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddInfrastructure();
builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
builder.Services.Configure<RequestLocalizationOptions>(SiteLanguage.Configure);
builder.Services.AddRazorPages(options => options.Conventions.Add(new EnglishRouteConvention()));
builder.Services.AddSingleton<ContentRenderer>();

var app = builder.Build();

if (args is ["migrate"])
{
    // `dotnet Sanatorium.Web.dll migrate`: apply migrations and seed, then exit.
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    return;
}

app.UseRequestLocalization();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found");
app.UseStaticFiles();
app.UseRouting();

app.MapHealthChecks("/healthz");
app.MapSeo();
app.MapRazorPages();

app.Run();

/// <summary>The entry point; public so that tests can start the site with WebApplicationFactory.</summary>
public partial class Program;
