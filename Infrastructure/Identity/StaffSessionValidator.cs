using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Sanatorium.Infrastructure.Identity;

/// <summary>
/// Checks the staff cookie against the account on every request that carries one (Identity's own
/// validator checks once an interval): a deleted account, or one whose security stamp changed
/// (logged out, locked, password or roles changed), is logged out before the request does anything.
/// A visitor without the cookie costs nothing; a member of staff one look-up of the account by key,
/// which the page then finds in the context rather than asking again.
/// </summary>
public sealed class StaffSessionValidator(SignInManager<ApplicationUser> signIn) : ISecurityStampValidator
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (await signIn.ValidateSecurityStampAsync(context.Principal) is null)
        {
            context.RejectPrincipal();
            await signIn.SignOutAsync();
        }
    }
}
