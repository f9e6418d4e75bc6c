using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>
/// Wrong passwords on the login page (docs/decisions/0013): an address that belongs to nobody answers
/// like one that belongs to a member of staff, in words, status and time; wrong passwords sent by
/// someone else pause the check of the password but never keep a member of staff out of a browser
/// they have logged in with.
/// </summary>
public sealed class LoginThrottleTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task A_known_and_an_unknown_address_get_the_same_answer_after_one_and_after_six_wrong_passwords()
    {
        var known = await site.CreateAsync(MailDev.NewAddress("known"), Roles.Editor);
        var unknown = MailDev.NewAddress("unknown");
        var client = site.CreateVisitor();

        var toKnown = new List<(HttpStatusCode, string?)>();
        var toUnknown = new List<(HttpStatusCode, string?)>();
        for (var i = 0; i < 6; i++)
        {
            toKnown.Add(await AnswerAsync(client, known, "guess-" + i));
            toUnknown.Add(await AnswerAsync(client, unknown, "guess-" + i));
        }

        Assert.Equal(HttpStatusCode.OK, toKnown[0].Item1);
        Assert.Contains("Неверный адрес или пароль.", toKnown[0].Item2);
        Assert.Equal(toKnown[0], toUnknown[0]);
        Assert.Equal(toKnown[5], toUnknown[5]);
    }

    [Fact]
    public async Task An_unknown_address_takes_as_long_to_refuse_as_a_known_one_and_as_a_paused_one()
    {
        // Accounts asked once each (no pause), one account past five wrong passwords (paused), no account.
        var fresh = new List<string>();
        for (var i = 0; i < 15; i++)
        {
            fresh.Add(await site.CreateAsync(MailDev.NewAddress("timed"), Roles.Editor));
        }

        var paused = await site.CreateAsync(MailDev.NewAddress("timed-paused"), Roles.Editor);
        var unknown = MailDev.NewAddress("untimed");
        var client = site.CreateVisitor();
        var (_, page) = await client.GetPageAsync("/admin/account/login");
        var form = page.Form();
        for (var i = 0; i < 5; i++)
        {
            await TimeAsync(client, form, paused);
        }

        await TimeAsync(client, form, unknown);

        // Interleaved, so that all three see the same load; medians ignore a slow moment of any.
        var (toFresh, toPaused, toUnknown) = (new List<TimeSpan>(), new List<TimeSpan>(), new List<TimeSpan>());
        foreach (var known in fresh)
        {
            toFresh.Add(await TimeAsync(client, form, known));
            toPaused.Add(await TimeAsync(client, form, paused));
            toUnknown.Add(await TimeAsync(client, form, unknown));
        }

        var (freshMedian, pausedMedian, unknownMedian) = (Median(toFresh), Median(toPaused), Median(toUnknown));
        var times = $"median times to refuse: unknown {unknownMedian.TotalMilliseconds:F1} ms, " +
            $"known {freshMedian.TotalMilliseconds:F1} ms, paused {pausedMedian.TotalMilliseconds:F1} ms";
        Assert.True(WithinFactorTwo(unknownMedian, freshMedian), times);
        Assert.True(WithinFactorTwo(unknownMedian, pausedMedian), times);
    }

    [Fact]
    public async Task Wrong_passwords_sent_from_elsewhere_do_not_keep_a_member_of_staff_out_of_their_own_browser()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("attacked"), Roles.Editor);
        var own = await site.LogInAsync(email);
        await LogOutAsync(own);

        var attacker = site.CreateVisitor();
        for (var i = 0; i < 10; i++)
        {
            await attacker.SubmitLoginAsync(email, "guess-" + i);
        }

        var back = await own.SubmitLoginAsync(email, Staff.Password);

        Assert.Equal("/admin", back.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync("/admin")).StatusCode);
        Assert.Null(await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Theory]
    [InlineData("not-base64 !")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_forged_known_browser_cookie_does_not_get_past_the_pause(string forged)
    {
        var email = await site.CreateAsync(MailDev.NewAddress("forged"), Roles.Editor);
        var attacker = site.CreateVisitor();
        for (var i = 0; i < 5; i++)
        {
            await attacker.SubmitLoginAsync(email, "guess-" + i);
        }

        attacker.DefaultRequestHeaders.Add("Cookie", "sanatorium.known=" + forged);
        var answer = await AnswerAsync(attacker, email, Staff.Password);

        Assert.Equal(await AnswerAsync(site.CreateVisitor(), MailDev.NewAddress("nobody"), Staff.Password), answer);
    }

    [Fact]
    public async Task A_new_browser_waits_out_the_pause_and_then_the_right_password_lets_it_in()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("paused"), Roles.Editor);
        var attacker = site.CreateVisitor();
        for (var i = 0; i < 6; i++)
        {
            await attacker.SubmitLoginAsync(email, "guess-" + i);
        }

        var during = await AnswerAsync(site.CreateVisitor(), email, Staff.Password);
        var wrong = await AnswerAsync(site.CreateVisitor(), MailDev.NewAddress("nobody"), Staff.Password);
        await site.WithDbAsync(db => db.Users.Where(u => u.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LoginPausedUntil, DateTimeOffset.UtcNow.AddSeconds(-1))));
        var after = await site.CreateVisitor().SubmitLoginAsync(email, Staff.Password);

        Assert.Equal(wrong, during);
        Assert.Equal("/admin", after.Headers.Location?.OriginalString);
        Assert.Equal(0, await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.FailedLogins).SingleAsync()));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.User == email && e.Action == "login.failed" && e.Details.StartsWith("password not checked"))));
    }

    [Fact]
    public async Task An_administrators_lock_is_told_only_to_someone_who_knows_the_password()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("locked"), Roles.Editor);
        await LockAsync(email);

        var wrongPassword = await AnswerAsync(site.CreateVisitor(), email, "not-the-password");
        var nobody = await AnswerAsync(site.CreateVisitor(), MailDev.NewAddress("nobody"), "not-the-password");
        var rightPassword = await AnswerAsync(site.CreateVisitor(), email, Staff.Password);

        Assert.Equal(nobody, wrongPassword);
        Assert.Contains("заблокирована администратором", rightPassword.Alert);
    }

    [Fact]
    public async Task An_administrators_lock_that_comes_between_password_and_code_is_told_as_such()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("locked-2fa"), Roles.Editor);
        var key = await site.EnableTwoFactorAsync(email);
        var client = site.CreateVisitor();
        var secondStep = (await client.SubmitLoginAsync(email, Staff.Password)).Headers.Location!.OriginalString;
        await LockAsync(email);

        var refused = await client.SubmitFormAsync(secondStep, new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        Assert.Contains("заблокирована администратором", (await refused.ParseAsync()).QuerySelector("[role=alert]")?.TextContent);
    }

    private Task<int> LockAsync(string email) =>
        site.WithDbAsync(db => db.Users.Where(u => u.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue)));

    private static async Task<(HttpStatusCode Status, string? Alert)> AnswerAsync(HttpClient client, string email, string password)
    {
        var response = await client.SubmitLoginAsync(email, password);
        return (response.StatusCode, (await response.ParseAsync()).QuerySelector("[role=alert]")?.TextContent.Trim());
    }

    /// <summary>How long the site takes to answer one login (the form read beforehand, so only the check is timed).</summary>
    private static async Task<TimeSpan> TimeAsync(HttpClient client, IHtmlFormElement form, string email)
    {
        var watch = Stopwatch.StartNew();
        var response = await client.SubmitAsync(form, new() { ["Input.Email"] = email, ["Input.Password"] = "wrong-password" });
        await response.Content.ReadAsStringAsync();
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return watch.Elapsed;
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    private static bool WithinFactorTwo(TimeSpan a, TimeSpan b) => a >= b / 2 && b >= a / 2;

    private static async Task LogOutAsync(HttpClient client)
    {
        var (_, home) = await client.GetPageAsync("/admin");
        await client.SubmitAsync(home.Form("form[action='/admin/account/logout']"), []);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }
}
