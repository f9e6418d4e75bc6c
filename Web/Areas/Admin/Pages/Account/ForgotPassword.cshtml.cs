using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sanatorium.Core.Audit;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Accounts;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Areas.Admin.Pages.Account;

/// <summary>
/// "Forgot your password?": a reset link goes to the address if it belongs to a member of staff and
/// fewer than <see cref="MailsPerHour"/> went to it in the last hour, and the page says the same
/// every time, so it tells nobody which addresses belong to staff or when the limit was reached.
/// </summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class ForgotPasswordModel(
    UserManager<ApplicationUser> users,
    AccountEmails emails,
    AuditLog audit,
    SanatoriumDbContext db,
    TimeProvider time,
    IStringLocalizer<AccountResource> text) : AdminPageModel
{
    /// <summary>Reset mails one account gets in any hour, however often the form is sent.</summary>
    public const int MailsPerHour = 3;

    private const string Mailed = AuditActions.PasswordResetMailed;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            await audit.RecordNowAsync(Input.Email, AuditActions.PasswordResetRequested, Input.Email, "no such member of staff");
        }
        else
        {
            await RecordMailAsync(user);
        }

        StatusMessage = text["ResetLinkSent", Input.Email];
        return RedirectToPage();
    }

    /// <summary>
    /// Puts a reset mail to the account in the outbox and records it, or records the refusal when
    /// <see cref="MailsPerHour"/> went out in the last hour (the audit log is the count), in one
    /// transaction. The account's row stays locked until the entry is saved, so that requests sent at
    /// the same moment count each other.
    /// </summary>
    private async Task RecordMailAsync(ApplicationUser user)
    {
        var email = user.Email!;
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "AspNetUsers" WHERE "Id" = {user.Id} FOR UPDATE""");
        var since = time.GetUtcNow().AddHours(-1);
        var mailed = await db.AuditEntries.CountAsync(e => e.User == email && e.Action == Mailed && e.At > since);
        var allowed = mailed < MailsPerHour;
        audit.Record(
            email,
            allowed ? Mailed : AuditActions.PasswordResetRequested,
            email,
            allowed ? "" : $"no e-mail: {MailsPerHour} reset mails in the last hour");
        if (allowed)
        {
            await emails.AddPasswordResetAsync(user, SiteLanguage.Current);
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "EmailRequired")]
        [EmailAddress(ErrorMessage = "EmailInvalid")]
        [StringLength(256, ErrorMessage = "EmailTooLong")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";
    }
}
