using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Sanatorium.Web.Admin.Accounts;

/// <summary>
/// The accounts whose password was right in this browser, in a signed cookie of its own
/// (docs/decisions/0013-login-throttling.md): their password is checked even while wrong passwords
/// sent from elsewhere pause the check, so that nobody can keep a member of staff out of the browser
/// they work in.
/// </summary>
public static class KnownBrowsers
{
    private const string CookieName = "sanatorium.known";

    private const string Purpose = "Sanatorium.Web.Admin.KnownBrowsers";

    /// <summary>Accounts a shared browser (at a reception desk, say) remembers, the latest first.</summary>
    private const int Remembered = 5;

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    /// <summary>The ids of the accounts this browser has logged in to; none when the cookie is missing, expired or forged.</summary>
    public static IReadOnlySet<string> KnownAccounts(this HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is not { Length: > 0 } cookie)
        {
            return new HashSet<string>();
        }

        try
        {
            return Protector(context).Unprotect(cookie).Split(' ').ToHashSet();
        }
        catch (CryptographicException)
        {
            return new HashSet<string>();
        }
    }

    /// <summary>Adds the account to this browser's cookie, which then lasts another 180 days.</summary>
    public static void RememberAccount(this HttpContext context, string userId)
    {
        var accounts = context.KnownAccounts().Where(id => id != userId).Prepend(userId).Take(Remembered);
        context.Response.Cookies.Append(
            CookieName,
            Protector(context).Protect(string.Join(' ', accounts), Lifetime),
            new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/admin/account",
                IsEssential = true,
                MaxAge = Lifetime,
            });
    }

    private static ITimeLimitedDataProtector Protector(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();
}
