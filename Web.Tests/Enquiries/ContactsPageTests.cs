using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Audit;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Enquiries;

/// <summary>The resort's phone and e-mail in every page's header, the contacts page in both languages, and their editor in the back office.</summary>
public sealed class ContactsPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/", "Контакты", "Задать вопрос о путёвке")]
    [InlineData("/en/treatments/lumbar-pain-syndrome", "Contacts", "Ask about a stay")]
    public async Task The_header_shows_the_phone_and_e_mail_as_links_once_they_are_set(string path, string contacts, string ask)
    {
        await site.SetContactsAsync(c => (c.Email, c.EnquiryEmail) = ("", ""));
        await site.SetContactsAsync(c => c.Update("", c.AddressRu, c.AddressEn));
        var (_, before) = await site.CreateVisitor().GetPageAsync(path);
        Assert.Null(before.QuerySelector("header a[href^='tel:']"));
        Assert.Null(before.QuerySelector("header a[href^='mailto:']"));
        Assert.Equal(contacts, before.QuerySelector("header .header-nav a[href$='/contacts']")?.TextContent);
        Assert.Equal(ask, before.QuerySelector("header .header-nav a[href$='/enquiry']")?.TextContent);

        await site.SetContactsAsync(c =>
        {
            c.Update("+7 (81652) 3-13-00", c.AddressRu, c.AddressEn);
            c.Email = "info@staraya-russa.test";
        });
        var (_, after) = await site.CreateVisitor().GetPageAsync(path);

        Assert.Equal("+7 (81652) 3-13-00", after.QuerySelector("header a[href='tel:+78165231300']")?.TextContent);
        Assert.Equal("info@staraya-russa.test", after.QuerySelector("header a[href='mailto:info@staraya-russa.test']")?.TextContent);
    }

    [Theory]
    [InlineData("/contacts", "ru", "Контакты", "175200, Новгородская область, г. Старая Русса, ул. Минеральная, 62", "Как добраться", "На поезде", "/en/contacts")]
    [InlineData("/en/contacts", "en", "Contacts", "62 Mineralnaya St., Staraya Russa, Novgorod region, 175200, Russia", "How to get here", "By train", "/contacts")]
    public async Task The_contacts_page_shows_address_phone_e_mail_directions_and_a_map_link_in_its_language(
        string path, string language, string heading, string address, string directionsHeading, string directions, string other)
    {
        await site.SetContactsAsync(c =>
        {
            c.Update("+7 (81652) 3-13-00", c.AddressRu, c.AddressEn);
            c.Email = "info@staraya-russa.test";
            c.DirectionsRu = "**На поезде** до станции Старая Русса.<script>alert(1)</script>";
            c.DirectionsEn = "**By train** to Staraya Russa station.<script>alert(1)</script>";
            (c.Latitude, c.Longitude) = (57.9905, 31.3548);
        });

        var (response, page) = await site.CreateVisitor().GetPageAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("h1")?.TextContent);
        var main = page.QuerySelector("main")!;
        Assert.Contains(address, main.TextContent);
        Assert.NotNull(main.QuerySelector("a[href='tel:+78165231300']"));
        Assert.NotNull(main.QuerySelector("a[href='mailto:info@staraya-russa.test']"));
        Assert.Equal(directionsHeading, main.QuerySelector("h2")?.TextContent);
        Assert.Equal(directions, main.QuerySelector("strong")?.TextContent.Replace('\u00A0', ' ')); // typeset Markdown
        // No map script: the only script element is the resort's structured data, which does not run.
        Assert.All(page.QuerySelectorAll("script"), script =>
        {
            Assert.Equal("application/ld+json", script.GetAttribute("type"));
            Assert.False(script.HasAttribute("src"));
        });
        Assert.Equal("https://yandex.ru/maps/?pt=31.3548,57.9905&z=16&l=map", main.QuerySelector("a.map-link")?.GetAttribute("href"));
        Assert.NotNull(main.QuerySelector($"a[href='{(language == "en" ? "/en" : "")}/enquiry']"));
        Assert.Equal(other, page.QuerySelector($"nav.lang-switch a[hreflang]")?.GetAttribute("href"));
        Assert.DoesNotContain("yandex", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Without_a_position_the_map_link_searches_for_the_address()
    {
        await site.SetContactsAsync(c => (c.Latitude, c.Longitude) = (null, null));

        var (_, page) = await site.CreateVisitor().GetPageAsync("/en/contacts");

        Assert.Equal(
            "https://yandex.ru/maps/?text=" + Uri.EscapeDataString("62 Mineralnaya St., Staraya Russa, Novgorod region, 175200, Russia"),
            page.QuerySelector("a.map-link")?.GetAttribute("href"));
    }

    [Fact]
    public async Task The_sitemap_lists_the_contacts_page_and_the_enquiry_form_in_both_languages()
    {
        var sitemap = XDocument.Parse(await site.CreateVisitor().GetStringAsync("/sitemap.xml"));
        var locations = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).AbsolutePath).ToList();

        Assert.Contains("/contacts", locations);
        Assert.Contains("/en/contacts", locations);
        Assert.Contains("/enquiry", locations);
        Assert.Contains("/en/enquiry", locations);
    }

    [Fact]
    public async Task The_back_office_saves_the_e_mails_directions_and_position_and_the_site_shows_them_at_once()
    {
        var editor = await site.LogInAsync(await site.CreateAsync(MailDev.NewAddress("contacts-editor"), Roles.Editor));

        var response = await editor.SubmitFormAsync("/admin/content/contacts", new()
        {
            ["Input.Email"] = " Info@Staraya-Russa.test ",
            ["Input.EnquiryEmail"] = "booking@staraya-russa.test",
            ["Input.DirectionsRu"] = "На автобусе от вокзала.",
            ["Input.DirectionsEn"] = "By bus from the station.",
            ["Input.Latitude"] = "57,99",
            ["Input.Longitude"] = "31.35",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await site.WithDbAsync(db => db.ContactDetails.AsNoTracking().SingleAsync());
        Assert.Equal(("info@staraya-russa.test", "booking@staraya-russa.test", 57.99, 31.35), (saved.Email, saved.EnquiryEmail, saved.Latitude, saved.Longitude));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.ContactsSaved && a.Details.Contains("booking@staraya-russa.test"))));
        var (_, page) = await site.CreateVisitor().GetPageAsync("/en/contacts");
        Assert.Contains("By bus from the station.", page.QuerySelector("main")!.TextContent);
        Assert.Equal("info@staraya-russa.test", page.QuerySelector("header a[href^='mailto:']")?.TextContent);
    }

    [Theory]
    [InlineData("Input.Email", "not an address", "Input.Email", "Проверьте адрес: он должен выглядеть так: name@example.ru.")]
    [InlineData("Input.EnquiryEmail", "a@b@c", "Input.EnquiryEmail", "Проверьте адрес: он должен выглядеть так: name@example.ru.")]
    [InlineData("Input.Latitude", "91", "Input.Latitude", "Широта — число от −90 до 90.")]
    [InlineData("Input.Longitude", "NaN", "Input.Longitude", "Долгота — число от −180 до 180.")]
    [InlineData("Input.Longitude", "", "Input.Longitude", "Укажите и широту, и долготу — или ни то ни другое.")]
    public async Task A_wrong_value_comes_back_with_a_message_next_to_its_field_and_nothing_is_saved(string field, string value, string errorField, string message)
    {
        var editor = await site.LogInAsync(await site.CreateAsync(MailDev.NewAddress("contacts-editor"), Roles.Editor));
        var before = await site.WithDbAsync(db => db.ContactDetails.AsNoTracking().SingleAsync());
        var values = new Dictionary<string, string> { ["Input.Latitude"] = "57.99", ["Input.Longitude"] = "31.35", [field] = value };

        var response = await editor.SubmitFormAsync("/admin/content/contacts", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(message, (await response.ParseAsync()).FieldError(errorField));
        var after = await site.WithDbAsync(db => db.ContactDetails.AsNoTracking().SingleAsync());
        Assert.Equal((before.Email, before.EnquiryEmail, before.Latitude, before.Longitude), (after.Email, after.EnquiryEmail, after.Latitude, after.Longitude));
    }
}
