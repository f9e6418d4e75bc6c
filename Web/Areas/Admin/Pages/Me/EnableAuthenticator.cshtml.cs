using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using QRCoder;
using Sanatorium.Core.Audit;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Accounts;

namespace Sanatorium.Web.Areas.Admin.Pages.Me;

/// <summary>
/// Two-factor set-up: the shared key, as text and as a QR code for the authenticator app; a code
/// from the app proves it is set up before two-factor login is switched on, and the recovery codes
/// are shown once.
/// </summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class EnableAuthenticatorModel(
    StaffUserManager users,
    SignInManager<ApplicationUser> signIn,
    StaffAccounts accounts,
    IStringLocalizer<AccountResource> text) : OwnAccountPageModel(users)
{
    /// <summary>The name the authenticator app lists the account under.</summary>
    public const string Issuer = "AMAKS Staraya Russa";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool AlreadyEnabled { get; private set; }

    /// <summary>The key in groups of four, for typing into the app by hand.</summary>
    public string SharedKey { get; private set; } = "";

    /// <summary>The otpauth:// address as an SVG QR code in a data: URL (the CSP allows data: images, not inline SVG styles).</summary>
    public string QrCodeImage { get; private set; } = "";

    public async Task OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        var user = CurrentUser;
        AlreadyEnabled = user.TwoFactorEnabled;
        if (!AlreadyEnabled)
        {
            await LoadSharedKeyAsync(user);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        var user = CurrentUser;
        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("./Index");
        }

        var code = (Input.Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (ModelState.IsValid && !await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Code)}", text["WrongCode"]);
        }

        if (ModelState.IsValid)
        {
            IEnumerable<string>? recoveryCodes = null;
            var result = await accounts.ChangeAsync(StaffName, AuditActions.TwoFactorEnabled, user, async () =>
            {
                var enabled = await Users.SetTwoFactorEnabledAsync(user, true);
                recoveryCodes = enabled.Succeeded ? await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodesModel.Count) : null;
                return enabled;
            });
            if (result.Succeeded)
            {
                await signIn.RefreshSignInAsync(user);
                TempData[RecoveryCodesModel.TempDataKey] = recoveryCodes!.ToArray();
                StatusMessage = text["TwoFactorEnabled"];
                return RedirectToPage("./RecoveryCodes");
            }

            ModelState.AddIdentityErrors(result, text);
        }

        await LoadSharedKeyAsync(user);
        return Page();
    }

    /// <summary>The key the app is to learn: the same on every visit until two-factor is switched on or off.</summary>
    private async Task LoadSharedKeyAsync(ApplicationUser user)
    {
        var key = await Users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Opened in two tabs at once, one request makes the key and the other finds it made.
            if (!(await users.CreateAuthenticatorKeyAsync(user)).Succeeded)
            {
                user = await Users.FindByIdAsync(user.Id) ?? user;
            }

            key = (await Users.GetAuthenticatorKeyAsync(user))!;
        }

        SharedKey = string.Join(' ', key.Chunk(4).Select(group => new string(group))).ToLowerInvariant();
        var address = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}" +
                      $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(address, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(6);
        QrCodeImage = "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "CodeRequired")]
        [StringLength(32, ErrorMessage = "CodeTooLong")]
        [Display(Name = "AuthenticatorLabel")]
        public string Code { get; set; } = "";
    }
}
