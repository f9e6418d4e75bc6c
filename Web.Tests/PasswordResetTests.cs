using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Areas.Admin.Pages.Account;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>"Forgot your password?" end to end: the real mail through MailDev, its link, the new password.</summary>
public sealed class PasswordResetTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string NewPassword = "Brand-New-Password-7";

    [Fact]
    public async Task A_reset_mail_carries_an_absolute_link_that_sets_a_new_password_once()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("reset"), Roles.Editor);
        var client = site.CreateVisitor();

        var asked = await client.SubmitFormAsync("/admin/account/forgotpassword", new() { ["Input.Email"] = email });
        var (_, answer) = await client.GetPageAsync(asked.Headers.Location!.OriginalString);
        var mail = await MailDev.WaitForMailToAsync(email);
        var link = ResetLink(mail);

        Assert.Contains(email, answer.StatusMessage());
        Assert.Equal("Смена пароля — АМАКС «Старая Русса»", mail.Subject);
        Assert.Contains($"href=\"{link.AbsoluteUri.Replace("&", "&amp;")}\"", mail.Html);

        var reset = await client.SubmitFormAsync(link.PathAndQuery, new()
        {
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        var (_, login) = await client.GetPageAsync(reset.Headers.Location!.OriginalString);

        Assert.Equal("/admin/account/login", reset.Headers.Location!.OriginalString);
        Assert.Equal("Пароль изменён. Войдите с новым паролем.", login.StatusMessage());
        Assert.Equal(HttpStatusCode.Redirect, (await site.CreateVisitor().SubmitLoginAsync(email, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().SubmitLoginAsync(email, Staff.Password)).StatusCode);

        var again = await client.SubmitFormAsync(link.PathAndQuery, new()
        {
            ["Input.NewPassword"] = "Another-Password-8",
            ["Input.ConfirmPassword"] = "Another-Password-8",
        });
        Assert.Contains("Ссылка устарела или уже использована", (await again.ParseAsync()).QuerySelector("[role=alert]")?.TextContent);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "password.reset" && e.Target == email)));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        var stranger = MailDev.NewAddress("stranger");
        var member = await site.CreateAsync(MailDev.NewAddress("member"), Roles.Marketer);
        var client = site.CreateVisitor();

        var (_, toStranger) = await client.GetPageAsync(
            (await client.SubmitFormAsync("/admin/account/forgotpassword", new() { ["Input.Email"] = stranger })).Headers.Location!.OriginalString);
        var (_, toMember) = await client.GetPageAsync(
            (await client.SubmitFormAsync("/admin/account/forgotpassword", new() { ["Input.Email"] = member })).Headers.Location!.OriginalString);
        await MailDev.WaitForMailToAsync(member); // mail goes out in order: the stranger's would have come first

        Assert.Equal(toMember.StatusMessage()!.Replace(member, "X"), toStranger.StatusMessage()!.Replace(stranger, "X"));
        Assert.Empty(await MailDev.MailToAsync(stranger));
    }

    [Fact]
    public async Task However_often_the_form_is_sent_an_account_gets_a_few_mails_an_hour_and_every_answer_is_the_same()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("flooded"), Roles.Editor);
        var next = await site.CreateAsync(MailDev.NewAddress("next"), Roles.Editor);
        var client = site.CreateVisitor();

        var answers = new List<string>();
        for (var i = 0; i < ForgotPasswordModel.MailsPerHour + 2; i++)
        {
            var typed = i % 2 == 0 ? email : email.ToUpperInvariant();
            var asked = await client.SubmitFormAsync("/admin/account/forgotpassword", new() { ["Input.Email"] = typed });
            var (_, answer) = await client.GetPageAsync(asked.Headers.Location!.OriginalString);
            answers.Add(answer.StatusMessage()!.Replace(typed, "X"));
        }

        await client.SubmitFormAsync("/admin/account/forgotpassword", new() { ["Input.Email"] = next });
        await MailDev.WaitForMailToAsync(next);
        // Every mail has left the outbox: what the flooded account got is all it will get.
        await Eventually.HoldsAsync(() => site.WithDbAsync(db => db.OutboxMessages.AllAsync(m => m.FailedAt != null)), "the outbox is empty");
        await Eventually.HoldsAsync(async () => (await MailDev.MailToAsync(email)).Count >= ForgotPasswordModel.MailsPerHour, "the allowed mails arrived");
        await Task.Delay(500);

        Assert.Equal(ForgotPasswordModel.MailsPerHour, (await MailDev.MailToAsync(email)).Count);
        Assert.Single(answers.Distinct());
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Target == email && e.Details.StartsWith("no e-mail"))));
    }

    [Theory]
    [InlineData("not an address", "Это не похоже на адрес эл. почты.")]
    [InlineData("", "Укажите адрес эл. почты.")]
    public async Task A_malformed_or_missing_address_is_told_at_its_field(string typed, string message)
    {
        var response = await site.CreateVisitor().SubmitFormAsync("/admin/account/forgotpassword", new() { ["Input.Email"] = typed });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.ParseAsync()).FieldError("Input.Email"));
    }

    [Theory]
    [InlineData("/admin/account/forgotpassword")]
    [InlineData("/admin/account/login")]
    public async Task An_address_too_long_for_the_audit_log_is_refused_at_its_field(string path)
    {
        var typed = new string('a', 300) + "@staraya-russa.test";

        var response = await site.CreateVisitor().SubmitFormAsync(path, new() { ["Input.Email"] = typed, ["Input.Password"] = "x" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Адрес слишком длинный", (await response.ParseAsync()).FieldError("Input.Email"));
    }

    [Fact]
    public async Task The_mail_speaks_the_language_the_member_of_staff_chose()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("english"), Roles.Editor);
        var client = site.CreateVisitor();
        var (_, russian) = await client.GetPageAsync("/admin/account/forgotpassword");
        await client.SubmitAsync(russian.Form("form[action='/admin/account/language']"), [], russian.QuerySelector("form[action='/admin/account/language'] button"));

        await client.SubmitFormAsync("/admin/account/forgotpassword", new() { ["Input.Email"] = email });
        var mail = await MailDev.WaitForMailToAsync(email);

        Assert.Equal("Set a new password — AMAKS Staraya Russa", mail.Subject);
        Assert.Contains("The link works once, within 24 hours.", mail.Text);
        Assert.Contains("<html lang=\"en\">", mail.Html);
    }

    [Fact]
    public async Task The_reset_mail_is_html_in_its_language_with_the_link_the_address_escaped_and_a_text_part_with_the_same_link()
    {
        // Identity keeps user names to letters, digits and -._@+, so this address is the e-mail of a user named otherwise.
        var email = MailDev.NewAddress("o'brien&co");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var user = new ApplicationUser { UserName = $"obrien-{Guid.NewGuid():N}", Email = email, EmailConfirmed = true };
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user)).Succeeded);
        }

        await site.CreateVisitor().SubmitFormAsync("/admin/account/forgotpassword", new() { ["Input.Email"] = email });
        var mail = await MailDev.WaitForMailToAsync(email);
        var html = new HtmlParser().ParseDocument(mail.Html);
        var link = ResetLink(mail);

        Assert.Equal("ru", html.DocumentElement.GetAttribute("lang"));
        Assert.Contains("АМАКС «Старая Русса»", html.Body!.TextContent);
        Assert.Contains($"Для учётной записи {email} в управлении сайтом", html.Body.TextContent);
        Assert.DoesNotContain("o'brien&co", mail.Html);
        Assert.Equal([link.AbsoluteUri], html.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")));
        Assert.Contains("Ссылка действует 24 ч и только один раз.", mail.Text);
    }

    [Fact]
    public async Task A_new_password_that_breaks_the_rules_is_refused_at_its_field_and_changes_nothing()
    {
        var email = await site.CreateAsync(MailDev.NewAddress("weak"), Roles.Editor);
        var client = site.CreateVisitor();
        await client.SubmitFormAsync("/admin/account/forgotpassword", new() { ["Input.Email"] = email });
        var link = ResetLink(await MailDev.WaitForMailToAsync(email)).PathAndQuery;

        var tooWeak = await (await client.SubmitFormAsync(link, new()
        {
            ["Input.NewPassword"] = "short",
            ["Input.ConfirmPassword"] = "short",
        })).ParseAsync();
        var differing = await (await client.SubmitFormAsync(link, new()
        {
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword + "x",
        })).ParseAsync();

        Assert.Contains("Пароль слишком короткий: нужно не меньше 10 знаков.", tooWeak.FieldError("Input.NewPassword"));
        Assert.Contains("Пароли не совпадают", differing.FieldError("Input.ConfirmPassword"));
        Assert.Equal(HttpStatusCode.Redirect, (await site.CreateVisitor().SubmitLoginAsync(email, Staff.Password)).StatusCode);
    }

    [Fact]
    public async Task A_damaged_link_says_so_and_leads_to_a_new_one()
    {
        var (response, page) = await site.CreateVisitor().GetPageAsync("/admin/account/resetpassword?user=someone");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ссылка неполная", page.QuerySelector("[role=alert]")?.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/admin/account/forgotpassword']"));
        Assert.Null(page.QuerySelector("main form"));
    }

    private static Uri ResetLink(ReceivedMail mail) => mail.LinkTo("/admin/account/resetpassword");
}
