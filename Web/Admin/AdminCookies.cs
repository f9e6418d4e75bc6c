using Microsoft.AspNetCore.Authentication.Cookies;

namespace Sanatorium.Web.Admin;

internal static class AdminCookies
{
    /// <summary>
    /// The staff login cookie: only sent to the site itself, never readable by script. Anonymous
    /// visitors of /admin are sent to the login page; a logged-in member of staff without the role
    /// gets a plain 403 page rather than a redirect.
    /// </summary>
    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "sanatorium.staff";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = "/admin/account/login";
        options.LogoutPath = "/admin/account/logout";
        options.ExpireTimeSpan = TimeSpan.FromHours(10);
        options.SlidingExpiration = true;
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }
}
