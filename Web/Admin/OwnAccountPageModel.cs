using Microsoft.AspNetCore.Identity;
using Sanatorium.Infrastructure.Identity;

namespace Sanatorium.Web.Admin;

/// <summary>A page of Me/: the logged-in member of staff works on their own account.</summary>
public abstract class OwnAccountPageModel(UserManager<ApplicationUser> users) : AdminPageModel
{
    protected UserManager<ApplicationUser> Users => users;

    protected async Task<ApplicationUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The logged-in user no longer exists.");
}
