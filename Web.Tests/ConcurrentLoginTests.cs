using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>
/// Logins for one account sent from several browsers at the same moment: each gets the answer it
/// would get alone (never an error page), and every failure is counted, so that sending attempts
/// together buys no more guesses than sending them one by one.
/// </summary>
public sealed class ConcurrentLoginTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    /// <summary>Identity's MaxFailedAccessAttempts: wrong second-factor codes before a 15-minute lock.</summary>
    private const int CodesBeforeLock = 5;

    private const string Authenticator = "/admin/account/loginwith2fa";

    private const string Recovery = "/admin/account/loginwithrecoverycode";

    private const string WrongCodeMessage = "Код не подошёл";

    private const string LockedMessage = "Слишком много неудачных попыток";

    [Theory]
    [InlineData(Authenticator)]
    [InlineData(Recovery)]
    public async Task Wrong_codes_sent_at_the_same_moment_are_each_refused_and_each_counted(string page)
    {
        var (email, key) = await TwoFactorAccountAsync();
        var forms = await SecondStepsAsync(email, page, CodesBeforeLock - 1);

        var burst = await SubmitAllAsync(forms, WrongCode(page, key));
        var last = await SubmitAllAsync(await SecondStepsAsync(email, page, 1), WrongCode(page, key));

        Assert.All(burst, answer => Assert.Contains(WrongCodeMessage, answer));
        Assert.Contains(LockedMessage, Assert.Single(last));
        Assert.InRange(await LockedForAsync(email), TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Equal(CodesBeforeLock, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.User == email && e.Action.StartsWith("login."))));
    }

    [Theory]
    [InlineData(Authenticator)]
    [InlineData(Recovery)]
    public async Task More_wrong_codes_at_the_same_moment_than_allowed_lock_the_account_and_none_fails(string page)
    {
        var (email, key) = await TwoFactorAccountAsync();
        var forms = await SecondStepsAsync(email, page, CodesBeforeLock + 1);

        var burst = await SubmitAllAsync(forms, WrongCode(page, key));

        Assert.All(burst, answer => Assert.True(answer.Contains(WrongCodeMessage) || answer.Contains(LockedMessage), answer));
        Assert.Contains(burst, answer => answer.Contains(LockedMessage));
        Assert.InRange(await LockedForAsync(email), TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Equal(CodesBeforeLock + 1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.User == email && e.Action.StartsWith("login."))));
    }

    [Fact]
    public async Task A_right_code_sent_with_wrong_ones_gets_in_and_a_right_code_starts_the_count_again()
    {
        var (email, key) = await TwoFactorAccountAsync();
        var forms = await SecondStepsAsync(email, Authenticator, CodesBeforeLock);
        var wrong = WrongCode(Authenticator, key);

        var burst = await Task.WhenAll(forms.Select((f, i) =>
            f.Client.SubmitAsync(f.Form, new() { ["Input.Code"] = i == 0 ? Totp.Code(key, DateTimeOffset.UtcNow) : wrong })));
        var again = (await SecondStepsAsync(email, Authenticator, 1))[0];
        var right = await again.Client.SubmitAsync(again.Form, new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)) });
        var afterwards = await SubmitAllAsync(await SecondStepsAsync(email, Authenticator, CodesBeforeLock - 1), wrong);

        Assert.Equal("/admin", burst[0].Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await forms[0].Client.GetAsync("/admin")).StatusCode);
        foreach (var refused in burst[1..])
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(WrongCodeMessage, (await refused.ParseAsync()).FieldError("Input.Code"));
        }

        Assert.Equal("/admin", right.Headers.Location?.OriginalString);
        Assert.All(afterwards, answer => Assert.Contains(WrongCodeMessage, answer));
        Assert.Null(await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task Wrong_passwords_sent_at_the_same_moment_get_the_same_answer_and_are_counted_up_to_the_pause()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("wrong-burst"), Roles.Editor);
        var forms = await LoginFormsAsync(LoginThrottle.FreeFailures + 2);

        var answers = await Task.WhenAll(forms.Select(async f =>
        {
            var response = await f.Client.SubmitAsync(f.Form, new() { ["Input.Email"] = email, ["Input.Password"] = "wrong-password" });
            return (response.StatusCode, (await response.ParseAsync()).QuerySelector("[role=alert]")?.TextContent.Trim());
        }));
        var account = await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => new { u.FailedLogins, u.LoginPausedUntil }).SingleAsync());

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.All(answers, answer => Assert.StartsWith("Неверный адрес или пароль.", answer.Item2));
        Assert.Equal(LoginThrottle.FreeFailures, account.FailedLogins);
        Assert.True(account.LoginPausedUntil > DateTimeOffset.UtcNow);
        Assert.Equal(LoginThrottle.FreeFailures, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.User == email && e.Details == "wrong password")));
    }

    /// <summary>
    /// As many as the free attempts: each is counted as wrong until its check says otherwise, so one
    /// more at the very same moment from a new browser would find the check paused (docs/decisions/0013).
    /// </summary>
    [Theory]
    [InlineData(false, "/admin")]
    [InlineData(true, Authenticator)]
    public async Task Right_passwords_sent_at_the_same_moment_all_get_in(bool twoFactor, string next)
    {
        var email = await site.CreateAsync(MailDev.NewAddress("right-burst"), Roles.Editor);
        if (twoFactor)
        {
            await site.EnableTwoFactorAsync(email);
        }

        var forms = await LoginFormsAsync(LoginThrottle.FreeFailures);

        var answers = await Task.WhenAll(forms.Select(f =>
            f.Client.SubmitAsync(f.Form, new() { ["Input.Email"] = email, ["Input.Password"] = Staff.Password })));

        Assert.All(answers, answer => Assert.StartsWith(next, answer.Headers.Location?.OriginalString));
        Assert.Equal(0, await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.FailedLogins).SingleAsync()));
    }

    private async Task<(string Email, string Key)> TwoFactorAccountAsync()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("burst"), Roles.Editor);
        return (email, await site.EnableTwoFactorAsync(email));
    }

    /// <summary>Browsers that each passed the password step and show the given code page.</summary>
    private async Task<List<(HttpClient Client, IHtmlFormElement Form)>> SecondStepsAsync(string email, string page, int count)
    {
        var forms = new List<(HttpClient, IHtmlFormElement)>();
        for (var i = 0; i < count; i++)
        {
            var client = site.CreateVisitor();
            Assert.StartsWith(Authenticator, (await client.SubmitLoginAsync(email, Staff.Password)).Headers.Location?.OriginalString);
            var (_, form) = await client.GetPageAsync(page);
            forms.Add((client, form.Form()));
        }

        return forms;
    }

    private async Task<List<(HttpClient Client, IHtmlFormElement Form)>> LoginFormsAsync(int count)
    {
        var forms = new List<(HttpClient, IHtmlFormElement)>();
        for (var i = 0; i < count; i++)
        {
            var client = site.CreateVisitor();
            var (_, page) = await client.GetPageAsync("/admin/account/login");
            forms.Add((client, page.Form()));
        }

        return forms;
    }

    /// <summary>Sends the code from every browser at once; the text of each answer, which must be the page again.</summary>
    private static async Task<string[]> SubmitAllAsync(List<(HttpClient Client, IHtmlFormElement Form)> forms, string code) =>
        await Task.WhenAll(forms.Select(async f =>
        {
            var response = await f.Client.SubmitAsync(f.Form, new() { ["Input.Code"] = code });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ParseAsync();
            return $"{page.QuerySelector("[role=alert]")?.TextContent.Trim()} {page.FieldError("Input.Code")}";
        }));

    private static string WrongCode(string page, string key) =>
        page == Recovery ? "WRONG-CODE1" : ((int.Parse(Totp.Code(key, DateTimeOffset.UtcNow), CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    private async Task<TimeSpan> LockedForAsync(string email) =>
        (await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync()) ?? DateTimeOffset.MinValue)
        - DateTimeOffset.UtcNow;
}
