using AngleSharp.Dom;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Enquiries;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Enquiries;

/// <summary>"Ask about a stay": from the form to the database, the staff mail and the visitor's acknowledgement, and what the form refuses.</summary>
public sealed class EnquiryFormTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/enquiry", "Вопрос о путёвке", "/info/soglasie-na-obrabotku-personalnyh-dannyh", "/info/politika-obrabotki-personalnyh-dannyh")]
    [InlineData("/en/enquiry", "Ask about a stay", "/en/info/personal-data-consent", "/en/info/privacy-policy")]
    public async Task The_form_offers_the_published_profiles_and_links_the_consent_to_the_consent_page_and_the_policy(string path, string heading, string consent, string policy)
    {
        var (response, page) = await site.CreateVisitor().GetPageAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(heading, page.QuerySelector("h1")?.TextContent);
        var form = page.Form("form.enquiry-form");
        Assert.Null(form.QuerySelector("input[name=__RequestVerificationToken]"));
        var options = form.QuerySelectorAll("select[name='Input.ProfileId'] option").Skip(1).Select(o => o.TextContent).ToList();
        Assert.Equal([path.StartsWith("/en/", StringComparison.Ordinal) ? "Diseases of the musculoskeletal system" : "Болезни костно-мышечной системы"], options);
        var label = page.QuerySelector("label[for=enquiry-Consent]")!;
        Assert.Equal([consent, policy], label.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("true", form.QuerySelector("input[name=Website]")?.Closest("[aria-hidden]")?.GetAttribute("aria-hidden"));
    }

    [Theory]
    [InlineData("/enquiry", Language.Ru, "/enquiry/sent", "Мы получили ваш запрос — санаторий «Старая Русса»", "Болезни костно-мышечной системы")]
    [InlineData("/en/enquiry", Language.En, "/en/enquiry/sent", "We have received your enquiry — Staraya Russa health resort", "Diseases of the musculoskeletal system")]
    public async Task An_enquiry_is_stored_with_its_consent_record_mailed_to_staff_and_acknowledged_in_the_visitor_language(
        string path, Language language, string sent, string acknowledgement, string profile)
    {
        var staff = MailDev.NewAddress("reception");
        await site.SetContactsAsync(c => (c.Email, c.EnquiryEmail) = ("info@staraya-russa.test", staff));
        var visitor = MailDev.NewAddress("guest");
        var name = "Гость " + Guid.NewGuid().ToString("N")[..8];
        var profileId = await site.WithDbAsync(db => db.Profiles.Select(p => p.Id).SingleAsync());

        var response = await site.CreateVisitor().EnquireAsync(path, new()
        {
            ["Input.Name"] = name,
            ["Input.Email"] = visitor.ToUpperInvariant(),
            ["Input.ProfileId"] = profileId.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(sent, response.Headers.Location?.OriginalString);
        var enquiry = await site.EnquiryFromAsync(name);
        Assert.NotNull(enquiry);
        Assert.Equal((language, EnquiryStatus.New, visitor, "+7 912 345-67-89"), (enquiry.Language, enquiry.Status, enquiry.Email, enquiry.Phone));
        Assert.Equal((Enquiring.Arrival, Enquiring.Departure, 2, profileId), (enquiry.Arrival!.Value, enquiry.Departure!.Value, enquiry.Guests!.Value, enquiry.ProfileId!.Value));
        Assert.Equal(path, enquiry.ConsentSource);
        Assert.Equal(32, enquiry.ConsentIpHash?.Length);

        var staffMail = await MailDev.WaitForMailToAsync(staff);
        Assert.Equal($"Запрос о путёвке: {name}", staffMail.Subject);
        Assert.Contains("Хотим приехать на лечение спины.", staffMail.Text);
        Assert.Contains("Болезни костно-мышечной системы", staffMail.Text);
        Assert.Contains($"{SiteFactory.BaseUrl}/admin/enquiries/{enquiry.Id}", staffMail.Text);
        var ack = await MailDev.WaitForMailToAsync(visitor);
        Assert.Equal(acknowledgement, ack.Subject);
        Assert.Contains(profile, ack.Text);
        Assert.DoesNotContain(name, ack.Text);
        Assert.DoesNotContain("Хотим приехать", ack.Text);
    }

    [Fact]
    public async Task Without_any_address_set_the_enquiry_is_stored_only_and_the_inbox_shows_it()
    {
        await site.SetContactsAsync(c => (c.Email, c.EnquiryEmail) = ("", ""));
        var name = "Без почты " + Guid.NewGuid().ToString("N")[..8];
        var outboxBefore = await site.WithDbAsync(db => db.OutboxMessages.CountAsync());

        var response = await site.CreateVisitor().EnquireAsync("/enquiry", new() { ["Input.Name"] = name });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await site.EnquiryFromAsync(name));
        Assert.Equal(outboxBefore, await site.WithDbAsync(db => db.OutboxMessages.CountAsync()));
        var admin = await site.LogInAsync(await site.CreateAsync(MailDev.NewAddress("inbox"), Roles.Marketer));
        var (_, inbox) = await admin.GetPageAsync("/admin/enquiries");
        Assert.Contains(name, inbox.QuerySelector("table.enquiries")!.TextContent);
    }

    [Theory]
    [InlineData("/enquiry", "Input.Name", "Иван\r\nBcc: victim@example.org", "Input.Name", "Имя — не длиннее 200 знаков, одной строкой.")]
    [InlineData("/en/enquiry", "Input.Name", "", "Input.Name", "Tell us your name.")]
    [InlineData("/en/enquiry", "Input.Phone", "", "Input.Email", "Give a phone number or an e-mail address so that we can answer.")]
    [InlineData("/enquiry", "Input.Email", "guest@example.org\r\nBcc: victim@example.org", "Input.Email", "Проверьте адрес: он должен выглядеть так: name@example.ru.")]
    [InlineData("/enquiry", "Input.Phone", "позвоните мне", "Input.Phone", "Проверьте телефон: цифры, пробелы, скобки и дефисы, например +7 912 345-67-89.")]
    [InlineData("/en/enquiry", "Input.Arrival", "2001-01-01", "Input.Arrival", "The date must be today or later, and within 2 years.")]
    [InlineData("/enquiry", "Input.Arrival", "31.12.2030", "Input.Arrival", "Укажите дату в виде ГГГГ-ММ-ДД.")]
    [InlineData("/en/enquiry", "Input.Departure", "", "Input.Departure", "Give both dates, arrival and departure, or neither.")]
    [InlineData("/en/enquiry", "Input.Guests", "21", "Input.Guests", "The number of guests must be from 1 to 20.")]
    [InlineData("/enquiry", "Input.Guests", "два", "Input.Guests", "Число гостей — от 1 до 20.")]
    [InlineData("/enquiry", "Input.ProfileId", "999999", "Input.ProfileId", "Выберите профиль лечения из списка.")]
    [InlineData("/enquiry", "Input.Message", "\u0007", "Input.Message", "Сообщение — не длиннее 4000 знаков, без управляющих символов.")]
    public async Task A_wrong_field_comes_back_with_a_message_next_to_it_in_the_visitor_language_and_nothing_is_stored(
        string path, string field, string value, string errorField, string message)
    {
        var before = await site.EnquiryCountAsync();

        var response = await site.CreateVisitor().EnquireAsync(path, new() { [field] = value });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.EndsWith(message, page.FieldError(errorField));
        Assert.Equal("true", page.QuerySelector($"[name='{errorField}']")?.GetAttribute("aria-invalid"));
        Assert.Equal(before, await site.EnquiryCountAsync());
    }

    [Fact]
    public async Task A_departure_before_the_arrival_and_oversize_fields_are_refused_and_nothing_is_stored()
    {
        var before = await site.EnquiryCountAsync();

        var response = await site.CreateVisitor().EnquireAsync("/en/enquiry", new()
        {
            ["Input.Departure"] = Enquiring.Arrival.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Name"] = new string('я', Enquiry.MaxNameLength + 1),
            ["Input.Message"] = new string('x', Enquiry.MaxMessageLength + 1),
        });

        var page = await response.ParseAsync();
        Assert.Equal("The departure date must be after the arrival date.", page.FieldError("Input.Departure"));
        Assert.Equal("The name must be one line of at most 200 characters.", page.FieldError("Input.Name"));
        Assert.Equal("The message must be at most 4000 characters long, without control characters.", page.FieldError("Input.Message"));
        Assert.Equal("The enquiry was not sent: correct the fields marked below.", page.QuerySelector("main [role=alert]")?.TextContent);
        Assert.Equal(before, await site.EnquiryCountAsync());
    }

    [Fact]
    public async Task Without_consent_nothing_is_stored_and_what_was_typed_stays_in_the_form()
    {
        var before = await site.EnquiryCountAsync();
        var (_, document) = await site.CreateVisitor().GetPageAsync("/enquiry");
        var form = document.Form("form.enquiry-form");

        var response = await site.CreateVisitor().SubmitAsync(form, new() { ["Input.Name"] = "Анна", ["Input.Phone"] = "+7 900 123-45-67" });

        var page = await response.ParseAsync();
        Assert.Equal("Чтобы отправить запрос, отметьте согласие на обработку персональных данных.", page.FieldError("Input.Consent"));
        Assert.Equal("Анна", page.QuerySelector<IHtmlInputElement>("[name='Input.Name']")?.Value);
        Assert.Equal(before, await site.EnquiryCountAsync());
    }

    [Fact]
    public async Task A_filled_honeypot_gets_the_same_answer_and_nothing_is_stored_or_mailed()
    {
        var before = await site.EnquiryCountAsync();
        var outboxBefore = await site.WithDbAsync(db => db.OutboxMessages.CountAsync());

        var response = await site.CreateVisitor().EnquireAsync("/en/enquiry", new() { ["Website"] = "https://spam.example" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/en/enquiry/sent", response.Headers.Location?.OriginalString);
        Assert.Equal(before, await site.EnquiryCountAsync());
        Assert.Equal(outboxBefore, await site.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site", "/enquiry", "Форма отправлена с другого сайта")]
    [InlineData("Origin", "https://evil.example", "/en/enquiry", "The form was sent from another site")]
    [InlineData("Origin", "null", "/enquiry", "Форма отправлена с другого сайта")]
    public async Task A_form_sent_from_another_site_is_refused_with_403_in_the_visitor_language(string header, string value, string path, string heading)
    {
        var before = await site.EnquiryCountAsync();

        var response = await site.CreateVisitor().EnquireAsync(path, adjust: r => r.Headers.Add(header, value));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(heading, (await response.ParseAsync()).QuerySelector("h1")?.TextContent);
        Assert.Equal(before, await site.EnquiryCountAsync());
    }

    [Fact]
    public async Task A_form_sent_from_this_site_is_accepted()
    {
        var name = "Своя " + Guid.NewGuid().ToString("N")[..8];

        var response = await site.CreateVisitor().EnquireAsync("/enquiry", new() { ["Input.Name"] = name }, r => r.Headers.Add("Origin", SiteFactory.BaseUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await site.EnquiryFromAsync(name));
    }

    [Fact]
    public async Task An_address_gets_at_most_three_acknowledgements_a_day_whoever_sends_the_form()
    {
        await site.SetContactsAsync(c => (c.Email, c.EnquiryEmail) = ("", ""));
        var visitor = MailDev.NewAddress("flooded");

        for (var i = 0; i < EnquiryIntakeLimit + 2; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await site.CreateVisitor().EnquireAsync("/enquiry", new() { ["Input.Email"] = visitor })).StatusCode);
        }

        Assert.Equal(EnquiryIntakeLimit + 2, await site.WithDbAsync(db => db.Enquiries.CountAsync(e => e.Email == visitor)));
        await Eventually.HoldsAsync(async () => (await MailDev.MailToAsync(visitor)).Count == EnquiryIntakeLimit, "three acknowledgements");
        await Task.Delay(500);
        Assert.Equal(EnquiryIntakeLimit, (await MailDev.MailToAsync(visitor)).Count);
    }

    private const int EnquiryIntakeLimit = Sanatorium.Web.Enquiries.EnquiryIntake.AcknowledgementsPerDay;
}
