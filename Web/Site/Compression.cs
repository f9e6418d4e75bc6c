using Microsoft.AspNetCore.ResponseCompression;

namespace Sanatorium.Web.Site;

/// <summary>
/// Pages and other text answers compressed (Brotli, else gzip) when the client asks, over https too:
/// public pages carry no secret. The back office is never compressed: its pages hold personal data and
/// antiforgery tokens beside what staff type, the mix BREACH needs (docs/decisions/0030-static-assets-and-compression.md).
/// Static files come precompressed from <c>MapStaticAssets</c> and are left as they are.
/// </summary>
internal static class Compression
{
    public static IServiceCollection AddPageCompression(this IServiceCollection services) =>
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });

    public static IApplicationBuilder UsePageCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase),
            branch => branch.UseResponseCompression());
}
