using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Accounts;

namespace Sanatorium.Web.Areas.Admin.Pages.Users;

/// <summary>Deleting a member of staff, after a confirmation; the audit log keeps what they did.</summary>
public sealed class DeleteModel(
    UserManager<ApplicationUser> users,
    StaffAccounts accounts,
    IStringLocalizer<AccountResource> text) : AdminPageModel
{
    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        Email = user.Email!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        Email = user.Email!;
        var result = await accounts.DeleteAsync(User, user);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, text);
            return Page();
        }

        StatusMessage = text["UserDeleted", Email];
        return RedirectToPage("./Index");
    }
}
