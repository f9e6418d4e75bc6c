using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;
using Sanatorium.Infrastructure.Options;

namespace Sanatorium.Web.Site;

/// <summary>
/// One policy for every cookie the site sets (staff login, two-factor, antiforgery, TempData, the
/// version for the visually impaired, the back office language, the known browsers), applied by the
/// cookie policy middleware (docs/decisions/0031-deployment.md): never readable by script, at least
/// <c>SameSite=Lax</c>, and <c>Secure</c> whenever the site's address (<c>Site:BaseUrl</c>) is https,
/// whatever the request looks like, so a proxy that forgets <c>X-Forwarded-Proto</c> cannot make one
/// travel in clear. Development and the test environment (an https address served over plain http by
/// the test servers) mark a cookie Secure only on an https request.
/// </summary>
public static class SecureCookies
{
    private const string TestingEnvironment = "Testing";

    public static void AddTo(IServiceCollection services, IHostEnvironment environment)
    {
        var local = environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment);
        services.AddOptions<CookiePolicyOptions>().Configure<IOptions<SiteOptions>>((options, site) =>
        {
            options.Secure = !local && new Uri(site.Value.BaseUrl).Scheme == Uri.UriSchemeHttps
                ? CookieSecurePolicy.Always
                : CookieSecurePolicy.SameAsRequest;
            options.HttpOnly = HttpOnlyPolicy.Always;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        // A year, the site only: other names under the resort's domain are not this site's to decide.
        services.Configure<HstsOptions>(options => options.MaxAge = TimeSpan.FromDays(365));
    }
}
