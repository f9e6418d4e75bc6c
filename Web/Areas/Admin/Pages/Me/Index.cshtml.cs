using Microsoft.AspNetCore.Identity;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;

namespace Sanatorium.Web.Areas.Admin.Pages.Me;

/// <summary>The logged-in member of staff's own account: roles, password, two-factor authentication.</summary>
public sealed class IndexModel(UserManager<ApplicationUser> users) : OwnAccountPageModel(users)
{
    public string Email { get; private set; } = "";

    public IList<string> Roles { get; private set; } = [];

    public bool TwoFactorEnabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public async Task OnGetAsync()
    {
        var user = await CurrentUserAsync();
        Email = user.Email!;
        Roles = await Users.GetRolesAsync(user);
        TwoFactorEnabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = TwoFactorEnabled ? await Users.CountRecoveryCodesAsync(user) : 0;
    }
}
