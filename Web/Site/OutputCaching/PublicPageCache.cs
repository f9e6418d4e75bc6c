namespace Sanatorium.Web.Site.OutputCaching;

/// <summary>
/// The output cache of public pages, on unless <c>OutputCache:Enabled</c> is false (the bench compares the
/// two). Pages take part with <c>[OutputCache(PolicyName = PublicPagePolicy.Name)]</c>; nothing else is cached.
/// </summary>
public static class PublicPageCache
{
    public const string EnabledKey = "OutputCache:Enabled";

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services) =>
        services.AddOutputCache(options =>
        {
            // /Treatments/x is not /treatments/x: one may be a page and the other a 404.
            options.UseCaseSensitivePaths = true;
            options.AddPolicy(PublicPagePolicy.Name, PublicPagePolicy.Instance);
        });

    /// <summary>After routing and authentication: the policy needs the page and the visitor.</summary>
    public static IApplicationBuilder UsePublicPageCache(this WebApplication app) =>
        app.Configuration.GetValue(EnabledKey, true) ? app.UseOutputCache() : app;
}
