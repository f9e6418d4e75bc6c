using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;
using Sanatorium.Infrastructure.Identity;

namespace Sanatorium.Web.Admin.Accounts;

/// <summary>A page of Me/: the logged-in member of staff works on their own account.</summary>
public abstract class OwnAccountPageModel(UserManager<ApplicationUser> users) : AdminPageModel
{
    protected UserManager<ApplicationUser> Users => users;

    /// <summary>The logged-in member of staff, loaded before every handler.</summary>
    protected ApplicationUser CurrentUser { get; private set; } = null!;

    /// <summary>An account deleted since the session was checked (a moment ago) is sent to log in again, not to an error.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            context.Result = Challenge();
            return;
        }

        CurrentUser = user;
        await next();
    }

    /// <summary>Whether <paramref name="password"/> is the member of staff's own; if not, the page says so at <paramref name="field"/>.</summary>
    protected async Task<bool> PasswordConfirmedAsync(string password, string field)
    {
        if (await users.CheckPasswordAsync(CurrentUser, password))
        {
            return true;
        }

        ModelState.AddModelError(field, users.ErrorDescriber.PasswordMismatch().Description);
        return false;
    }
}
