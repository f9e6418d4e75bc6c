namespace Sanatorium.Web.Site.Vision;

/// <summary>Reads the version for the visually impaired from a request and keeps it in the visitor's cookie.</summary>
public static class VisionCookie
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    /// <summary>The settings this request is rendered with (read once per request).</summary>
    public static VisionSettings Vision(this HttpContext context)
    {
        if (context.Items[typeof(VisionSettings)] is not VisionSettings settings)
        {
            settings = VisionSettings.Parse(context.Request.Cookies[VisionSettings.CookieName]);
            context.Items[typeof(VisionSettings)] = settings;
        }

        return settings;
    }

    public static void Save(this HttpResponse response, VisionSettings settings)
    {
        var options = new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            IsEssential = true,
        };
        if (settings.IsOn)
        {
            options.MaxAge = Lifetime;
            response.Cookies.Append(VisionSettings.CookieName, settings.Format(), options);
        }
        else
        {
            response.Cookies.Delete(VisionSettings.CookieName, options);
        }
    }
}
