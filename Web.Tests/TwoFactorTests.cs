using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>
/// Two-factor login with an authenticator app, the codes computed here from the shared key the
/// set-up page shows, as the app would.
/// </summary>
public sealed class TwoFactorTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Set_up_shows_the_key_and_a_QR_code_and_switches_on_only_with_a_right_code()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("setup"), Roles.Editor);
        var client = await site.LogInAsync(email);

        var (response, page) = await client.GetPageAsync("/admin/me/enableauthenticator");
        var key = SharedKey(page);
        var qr = page.QuerySelector("img.qr-code")!.GetAttribute("src")!;
        var wrong = await (await client.SubmitAsync(page.Form(), new() { ["Input.Code"] = OtherThan(Totp.Code(key, DateTimeOffset.UtcNow)) })).ParseAsync();

        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        Assert.StartsWith("data:image/svg+xml;base64,", qr);
        Assert.Contains("<svg", Encoding.UTF8.GetString(Convert.FromBase64String(qr["data:image/svg+xml;base64,".Length..])));
        Assert.Contains("Код не подошёл", wrong.FieldError("Input.Code"));
        Assert.False(await TwoFactorEnabledAsync(email));

        var enabled = await client.SubmitAsync(wrong.Form(), new() { ["Input.Code"] = Totp.Code(SharedKey(wrong), DateTimeOffset.UtcNow) });
        var (_, codes) = await client.GetPageAsync(enabled.Headers.Location!.OriginalString);
        var (_, later) = await client.GetPageAsync("/admin/me/recoverycodes");

        Assert.Equal("/admin/me/recoverycodes", enabled.Headers.Location!.OriginalString);
        Assert.Equal(10, codes.QuerySelectorAll(".recovery-codes code").Length);
        Assert.Empty(later.QuerySelectorAll(".recovery-codes code"));
        Assert.Contains("Осталось кодов восстановления: 10.", later.QuerySelector("main")!.TextContent);
        Assert.True(await TwoFactorEnabledAsync(email));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "2fa.enabled" && e.User == email)));
    }

    [Fact]
    public async Task With_two_factor_on_the_password_alone_does_not_let_in_and_a_wrong_code_is_refused()
    {
        var (email, key, _) = await EnableAsync("login");
        var client = site.CreateVisitor();

        var afterPassword = await client.SubmitLoginAsync(email, Staff.Password);
        var secondStep = afterPassword.Headers.Location!.OriginalString;
        var stillOut = await client.GetAsync("/admin");
        var wrong = await (await client.SubmitFormAsync(secondStep, new() { ["Input.Code"] = OtherThan(NextCode(key)) })).ParseAsync();
        var right = await client.SubmitFormAsync(secondStep, new() { ["Input.Code"] = NextCode(key) });

        Assert.StartsWith("/admin/account/loginwith2fa", secondStep);
        Assert.Equal(HttpStatusCode.Redirect, stillOut.StatusCode);
        Assert.Contains("Код не подошёл", wrong.FieldError("Input.Code"));
        Assert.Equal("/admin", right.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "login.succeeded" && e.User == email && e.Details == "authenticator app")));
    }

    [Fact]
    public async Task A_recovery_code_lets_in_once()
    {
        var (email, _, recoveryCodes) = await EnableAsync("recovery");

        var first = await LogInWithRecoveryCodeAsync(site.CreateVisitor(), email, recoveryCodes[3]);
        var second = await LogInWithRecoveryCodeAsync(site.CreateVisitor(), email, recoveryCodes[3]);

        Assert.Equal("/admin", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Код не подошёл", (await second.ParseAsync()).FieldError("Input.Code"));
        Assert.Equal(9, await RecoveryCodesLeftAsync(email));
    }

    [Fact]
    public async Task Wrong_recovery_codes_lock_the_account_like_wrong_app_codes_and_a_locked_account_keeps_its_recovery_codes()
    {
        var (email, _, recoveryCodes) = await EnableAsync("recovery-lockout");
        var waiting = site.CreateVisitor();
        await waiting.SubmitLoginAsync(email, Staff.Password);
        var (_, recoveryPage) = await waiting.GetPageAsync("/admin/account/loginwithrecoverycode");

        var wrong = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var answer = await (await LogInWithRecoveryCodeAsync(site.CreateVisitor(), email, "WRONG-CODE" + i)).ParseAsync();
            wrong.Add($"{answer.QuerySelector("[role=alert]")?.TextContent} {answer.FieldError("Input.Code")}");
        }

        var right = await waiting.SubmitAsync(recoveryPage.Form(), new() { ["Input.Code"] = recoveryCodes[0] });

        Assert.All(wrong[..4], answer => Assert.Contains("Код не подошёл", answer));
        Assert.Contains("вход заблокирован на 15 минут", wrong[4]);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("вход заблокирован на 15 минут", (await right.ParseAsync()).QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal(10, await RecoveryCodesLeftAsync(email));
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var (email, key, oldCodes) = await EnableAsync("regenerate");
        var client = await LogInWithAppAsync(email, key);

        var regenerated = await client.SubmitFormAsync("/admin/me/recoverycodes", new() { ["Input.CurrentPassword"] = Staff.Password });
        var (_, page) = await client.GetPageAsync(regenerated.Headers.Location!.OriginalString);
        var newCodes = page.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();

        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));
        Assert.Equal(HttpStatusCode.OK, (await LogInWithRecoveryCodeAsync(site.CreateVisitor(), email, oldCodes[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LogInWithRecoveryCodeAsync(site.CreateVisitor(), email, newCodes[0])).StatusCode);
    }

    [Fact]
    public async Task Switching_two_factor_off_after_confirming_lets_the_password_alone_in_again()
    {
        var (email, key, _) = await EnableAsync("disable");
        var client = await LogInWithAppAsync(email, key);

        var (_, confirm) = await client.GetPageAsync("/admin/me/disabletwofactor");
        var disabled = await client.SubmitAsync(confirm.Form(), new() { ["Input.CurrentPassword"] = Staff.Password });
        var (_, me) = await client.GetPageAsync(disabled.Headers.Location!.OriginalString);

        Assert.Equal("Вход с подтверждением выключен.", me.StatusMessage());
        Assert.False(await TwoFactorEnabledAsync(email));
        Assert.Equal("/admin", (await site.CreateVisitor().SubmitLoginAsync(email, Staff.Password)).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Switching_two_factor_off_with_a_wrong_password_is_refused_and_changes_nothing()
    {
        var (email, key, _) = await EnableAsync("disable-wrong");
        var client = await LogInWithAppAsync(email, key);

        var refused = await (await client.SubmitFormAsync("/admin/me/disabletwofactor", new() { ["Input.CurrentPassword"] = "not-my-password" })).ParseAsync();

        Assert.Contains("Неверный пароль.", refused.FieldError("Input.CurrentPassword"));
        Assert.True(await TwoFactorEnabledAsync(email));
        Assert.False(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "2fa.disabled" && e.User == email)));
    }

    [Fact]
    public async Task New_recovery_codes_with_a_wrong_password_are_refused_and_the_old_ones_stay()
    {
        var (email, key, oldCodes) = await EnableAsync("regenerate-wrong");
        var client = await LogInWithAppAsync(email, key);

        var refused = await (await client.SubmitFormAsync("/admin/me/recoverycodes", new() { ["Input.CurrentPassword"] = "" })).ParseAsync();
        var wrong = await (await client.SubmitAsync(refused.Form(), new() { ["Input.CurrentPassword"] = "not-my-password" })).ParseAsync();

        Assert.Contains("Введите пароль.", refused.FieldError("Input.CurrentPassword"));
        Assert.Contains("Неверный пароль.", wrong.FieldError("Input.CurrentPassword"));
        Assert.Empty(wrong.QuerySelectorAll(".recovery-codes code"));
        Assert.False(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "2fa.recovery-codes-generated" && e.User == email)));
        Assert.Equal(HttpStatusCode.Redirect, (await LogInWithRecoveryCodeAsync(site.CreateVisitor(), email, oldCodes[0])).StatusCode);
    }

    [Fact]
    public async Task An_authenticator_code_logs_in_once()
    {
        var (email, key, _) = await EnableAsync("replay");
        var code = NextCode(key);

        var first = await LogInWithCodeAsync(site.CreateVisitor(), email, code);
        var second = await LogInWithCodeAsync(site.CreateVisitor(), email, code);

        Assert.Equal("/admin", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Код не подошёл", (await second.ParseAsync()).FieldError("Input.Code"));
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "login.succeeded" && e.User == email && e.Details == "authenticator app")));
    }

    [Fact]
    public async Task The_code_that_switched_two_factor_on_does_not_log_in()
    {
        var at = DateTimeOffset.UtcNow;
        var (email, key, _) = await EnableAsync("setup-replay", at);

        var refused = await LogInWithCodeAsync(site.CreateVisitor(), email, Totp.Code(key, at));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Код не подошёл", (await refused.ParseAsync()).FieldError("Input.Code"));
    }

    [Fact]
    public async Task Of_two_logins_with_the_same_code_at_the_same_moment_exactly_one_gets_in()
    {
        var (email, key, _) = await EnableAsync("race");
        var code = NextCode(key);
        var forms = new List<(HttpClient Client, IHtmlFormElement Form)>();
        foreach (var client in new[] { site.CreateVisitor(), site.CreateVisitor() })
        {
            var (_, page) = await client.GetPageAsync((await client.SubmitLoginAsync(email, Staff.Password)).Headers.Location!.OriginalString);
            forms.Add((client, page.Form()));
        }

        var responses = await Task.WhenAll(forms.Select(f => f.Client.SubmitAsync(f.Form, new() { ["Input.Code"] = code })));
        var third = await LogInWithCodeAsync(site.CreateVisitor(), email, code);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Redirect], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "login.succeeded" && e.User == email && e.Details == "authenticator app")));
    }

    [Fact]
    public async Task The_code_page_without_a_password_first_leads_back_to_the_login()
    {
        var (response, page) = await site.CreateVisitor().GetPageAsync("/admin/account/loginwith2fa");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Войдите снова с паролем", page.QuerySelector("[role=alert]")?.TextContent);
        Assert.Null(page.QuerySelector("main form"));
    }

    /// <summary>A member of staff with two-factor on: their e-mail, the shared key and the recovery codes.</summary>
    private async Task<(string Email, string Key, List<string> RecoveryCodes)> EnableAsync(string name, DateTimeOffset? codeTime = null)
    {
        var email = await site.CreateAsync(MailDev.NewAddress(name), Roles.Marketer);
        var client = await site.LogInAsync(email);
        var (_, page) = await client.GetPageAsync("/admin/me/enableauthenticator");
        var key = SharedKey(page);
        var enabled = await client.SubmitAsync(page.Form(), new() { ["Input.Code"] = Totp.Code(key, codeTime ?? DateTimeOffset.UtcNow) });
        var (_, codes) = await client.GetPageAsync(enabled.Headers.Location!.OriginalString);
        return (email, key, codes.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList());
    }

    private async Task<HttpClient> LogInWithAppAsync(string email, string key)
    {
        var client = site.CreateVisitor();
        Assert.Equal(HttpStatusCode.Redirect, (await LogInWithCodeAsync(client, email, NextCode(key))).StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> LogInWithCodeAsync(HttpClient client, string email, string code)
    {
        var secondStep = (await client.SubmitLoginAsync(email, Staff.Password)).Headers.Location!.OriginalString;
        return await client.SubmitFormAsync(secondStep, new() { ["Input.Code"] = code });
    }

    private static async Task<HttpResponseMessage> LogInWithRecoveryCodeAsync(HttpClient client, string email, string code)
    {
        var secondStep = (await client.SubmitLoginAsync(email, Staff.Password)).Headers.Location!.OriginalString;
        var (_, page) = await client.GetPageAsync(secondStep);
        var recovery = page.QuerySelector("main a[href*='loginwithrecoverycode']")!.GetAttribute("href")!;
        return await client.SubmitFormAsync(recovery, new() { ["Input.Code"] = code.ToLowerInvariant() });
    }

    private Task<int> RecoveryCodesLeftAsync(string email) =>
        site.WithDbAsync(db => db.UserTokens.Where(t => t.Name == "RecoveryCodes" && db.Users.Any(u => u.Id == t.UserId && u.Email == email))
            .Select(t => t.Value!.Split(';', StringSplitOptions.None).Length).SingleAsync());

    private Task<bool> TwoFactorEnabledAsync(string email) =>
        site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());

    private static string SharedKey(IDocument page) => page.GetElementById("shared-key")!.TextContent.Trim();

    /// <summary>
    /// The app's code 30 seconds from now: a code works once, and the one of this moment was just
    /// used to switch two-factor on (the site accepts codes up to a minute early or late).
    /// </summary>
    private static string NextCode(string key) => Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30));

    /// <summary>A six-digit code that is not the right one.</summary>
    private static string OtherThan(string code) => ((int.Parse(code, CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
}
