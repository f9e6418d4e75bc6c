using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Sanatorium.Core;

namespace Sanatorium.Web.Site;

/// <summary>
/// The URL decides the language: English under /en/, Russian everywhere else. In the back office
/// (/admin) the member of staff chooses, and the choice is kept in <see cref="AdminCookie"/>. The culture is set
/// once per request by <see cref="Provider"/>, before the status-code pages, so a 404 page
/// speaks the language of the address that was asked for.
/// </summary>
public static class SiteLanguage
{
    public static Language Current =>
        Languages.TryParse(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, out var language)
            ? language
            : Languages.Default;

    public const string AdminCookie = "admin-lang";

    public static Language FromRequest(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase))
        {
            // A preview (/admin/content/.../preview/en) is shown in its page's language.
            var segments = request.Path.Value!.Split('/');
            if (segments is [.., "preview", var previewed] && Languages.TryParse(previewed, out var language))
            {
                return language;
            }

            return Languages.TryParse(request.Cookies[AdminCookie], out var chosen) ? chosen : Languages.Default;
        }

        return request.Path.StartsWithSegments("/en", StringComparison.OrdinalIgnoreCase) ? Language.En : Language.Ru;
    }

    public static RequestCultureProvider Provider { get; } = new CustomRequestCultureProvider(context =>
        Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(FromRequest(context.Request).Code())));

    public static void Configure(RequestLocalizationOptions options)
    {
        var cultures = Languages.All.Select(l => new CultureInfo(l.Code())).ToList();
        options.DefaultRequestCulture = new RequestCulture(Languages.Default.Code());
        options.SupportedCultures = cultures;
        options.SupportedUICultures = cultures;
        options.RequestCultureProviders = [Provider];
    }
}
