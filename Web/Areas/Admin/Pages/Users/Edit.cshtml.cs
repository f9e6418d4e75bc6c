using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Accounts;

namespace Sanatorium.Web.Areas.Admin.Pages.Users;

/// <summary>A member of staff's roles, and locking or unlocking the account.</summary>
public sealed class EditModel(
    UserManager<ApplicationUser> users,
    StaffAccounts accounts,
    TimeProvider time,
    IStringLocalizer<AccountResource> text) : AdminPageModel
{
    [BindProperty]
    public RolesInput Input { get; set; } = new();

    public string Email { get; private set; } = "";

    public bool TwoFactorEnabled { get; private set; }

    public DateTimeOffset? LockoutEnd { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public bool IsLocked => LockoutEnd > Now;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await FindAsync(id) is not { } user)
        {
            return NotFound();
        }

        Input.Roles = [.. await users.GetRolesAsync(user)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        const string field = $"{nameof(Input)}.{nameof(Input.Roles)}";
        if (Input.Problem is not { } problem)
        {
            return await ActAsync(id, user => accounts.SetRolesAsync(User, user, Input.ChosenRoles), "RolesSaved", field);
        }

        ModelState.AddModelError(field, text[problem]);
        return await FindAsync(id) is null ? NotFound() : Page();
    }

    public Task<IActionResult> OnPostLockAsync(string id) =>
        ActAsync(id, user => accounts.LockAsync(User, user), "UserLocked");

    public Task<IActionResult> OnPostUnlockAsync(string id) =>
        ActAsync(id, user => accounts.UnlockAsync(User, user), "UserUnlocked");

    /// <summary>Acts on the member of staff; back to the list when done, else this page with the reason.</summary>
    private async Task<IActionResult> ActAsync(string id, Func<ApplicationUser, Task<IdentityResult>> act, string done, string field = "")
    {
        if (await FindAsync(id) is not { } user)
        {
            return NotFound();
        }

        var result = await act(user);
        if (result.Succeeded)
        {
            StatusMessage = text[done, Email];
            return RedirectToPage("./Index");
        }

        ModelState.AddIdentityErrors(result, text, other: field);

        await FindAsync(id);
        return Page();
    }

    private async Task<ApplicationUser?> FindAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is not null)
        {
            (Email, TwoFactorEnabled, LockoutEnd, Now) = (user.Email!, user.TwoFactorEnabled, user.LockoutEnd, time.GetUtcNow());
        }

        return user;
    }
}
