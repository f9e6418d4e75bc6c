using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Sanatorium.Core;

namespace Sanatorium.Web.Site;

/// <summary>
/// The URL decides the language: English under /en/, Russian everywhere else. The culture is set
/// once per request by <see cref="Provider"/>, before the status-code pages, so a 404 page
/// speaks the language of the address that was asked for.
/// </summary>
public static class SiteLanguage
{
    public static Language Current =>
        Languages.TryParse(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, out var language)
            ? language
            : Languages.Default;

    public static Language FromPath(PathString path) =>
        path.StartsWithSegments("/en", StringComparison.OrdinalIgnoreCase) ? Language.En : Language.Ru;

    public static RequestCultureProvider Provider { get; } = new CustomRequestCultureProvider(context =>
        Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(FromPath(context.Request.Path).Code())));

    public static void Configure(RequestLocalizationOptions options)
    {
        var cultures = Languages.All.Select(l => new CultureInfo(l.Code())).ToList();
        options.DefaultRequestCulture = new RequestCulture(Languages.Default.Code());
        options.SupportedCultures = cultures;
        options.SupportedUICultures = cultures;
        options.RequestCultureProviders = [Provider];
    }
}
