using Microsoft.AspNetCore.Authentication.Cookies;

namespace Sanatorium.Web.Admin.Accounts;

internal static class AdminCookies
{
    /// <summary>
    /// The staff login cookie: only sent to the site itself, never readable by script, Secure as every
    /// cookie (SecureCookies). Anonymous visitors of /admin are sent to the login page; a logged-in
    /// member of staff without the role gets a plain 403 page rather than a redirect.
    /// </summary>
    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "sanatorium.staff";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.LoginPath = "/admin/account/login";
        options.LogoutPath = "/admin/account/logout";
        options.ExpireTimeSpan = TimeSpan.FromHours(10);
        options.SlidingExpiration = true;
        // Relative, so that the Host header of a request never decides where staff are sent to log in.
        options.Events.OnRedirectToLogin = context =>
        {
            context.Response.Redirect(new Uri(context.RedirectUri).PathAndQuery);
            return Task.CompletedTask;
        };
        // The login and logout pages send staff on themselves, to a return URL they have checked and
        // encoded; the handler's own redirect to the raw ?ReturnUrl= would put a Cyrillic address in the
        // Location header, which Kestrel refuses in the middle of signing in.
        options.Events.OnRedirectToReturnUrl = _ => Task.CompletedTask;
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }
}
