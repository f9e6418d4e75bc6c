using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Web.Site;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>The JSON-LD search engines read: the resort as a MedicalOrganization on the home and contacts pages, the breadcrumbs where a page shows them.</summary>
public sealed class StructuredDataTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/", "/", "АМАКС «Старая Русса»", "175200, Новгородская область, г. Старая Русса, ул. Минеральная, 62")]
    [InlineData("/en/", "/en/", "AMAKS \"Staraya Russa\"", "62 Mineralnaya St., Staraya Russa, Novgorod region, 175200, Russia")]
    [InlineData("/contacts", "/", "АМАКС «Старая Русса»", "175200, Новгородская область, г. Старая Русса, ул. Минеральная, 62")]
    [InlineData("/en/contacts", "/en/", "AMAKS \"Staraya Russa\"", "62 Mineralnaya St., Staraya Russa, Novgorod region, 175200, Russia")]
    public async Task The_home_and_contacts_pages_describe_the_resort_with_what_the_back_office_knows(string path, string home, string name, string address)
    {
        await SetContactsAsync("", null, null);
        var (_, before) = await site.CreateVisitor().GetPageAsync(path);
        var organization = Assert.Single(StructuredData.Of(before, "MedicalOrganization"));
        Assert.Equal("https://schema.org", organization.GetProperty("@context").GetString());
        Assert.Equal(name, organization.GetProperty("name").GetString());
        Assert.Equal(SiteFactory.BaseUrl + home, organization.GetProperty("url").GetString());
        Assert.Equal(SiteFactory.BaseUrl + "/img/icon-512.png", organization.GetProperty("logo").GetString());
        Assert.Equal(address, organization.GetProperty("address").GetProperty("streetAddress").GetString());
        Assert.Equal("RU", organization.GetProperty("address").GetProperty("addressCountry").GetString());
        Assert.False(organization.TryGetProperty("telephone", out _), "no phone is invented");
        Assert.False(organization.TryGetProperty("location", out _), "no position is invented");

        await SetContactsAsync("+7 (81652) 3-00-00", 57.9908, 31.3612);
        var (_, after) = await site.CreateVisitor().GetPageAsync(path);
        organization = Assert.Single(StructuredData.Of(after, "MedicalOrganization"));
        Assert.Equal("+7 (81652) 3-00-00", organization.GetProperty("telephone").GetString());
        var geo = organization.GetProperty("location").GetProperty("geo");
        Assert.Equal("GeoCoordinates", geo.GetProperty("@type").GetString());
        Assert.Equal(57.9908, geo.GetProperty("latitude").GetDouble());
        Assert.Equal(31.3612, geo.GetProperty("longitude").GetDouble());
    }

    [Theory]
    [InlineData("/treatments/poyasnichnyy-bolevoy-sindrom")]
    [InlineData("/en/treatments/lumbar-pain-syndrome")]
    [InlineData("/profiles/bolezni-kostno-myshechnoy-sistemy")]
    [InlineData("/en/profiles/musculoskeletal-system")]
    public async Task A_page_with_breadcrumbs_gives_them_as_a_breadcrumb_list_ending_with_itself(string path)
    {
        var (_, page) = await site.CreateVisitor().GetPageAsync(path);

        var items = Items(Assert.Single(StructuredData.Of(page, "BreadcrumbList")));
        var shown = page.QuerySelectorAll(".breadcrumbs a").Select(a => (a.TextContent, SiteFactory.BaseUrl + a.GetAttribute("href"))).ToList();
        Assert.NotEmpty(shown);
        // The heading is typeset (non-breaking spaces after short words); the structured data gives it plain.
        var heading = page.QuerySelector("h1")!.TextContent.Replace('\u00A0', ' ');
        Assert.Equal(shown.Append((heading, SiteFactory.BaseUrl + path)), items);
        Assert.Equal(page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), items[^1].Url);
    }

    [Theory]
    [InlineData("/info/obshchie-protivopokazaniya")]
    [InlineData("/en/accessibility")]
    public async Task A_page_without_breadcrumbs_has_no_breadcrumb_list_and_only_the_home_page_describes_the_resort(string path)
    {
        var (_, page) = await site.CreateVisitor().GetPageAsync(path);

        Assert.Empty(page.QuerySelectorAll(".breadcrumbs"));
        Assert.Empty(StructuredData.Of(page, "BreadcrumbList"));
        Assert.Empty(StructuredData.Of(page, "MedicalOrganization"));
    }

    [Fact]
    public async Task A_title_that_closes_the_script_element_stays_inside_the_json()
    {
        const string Title = "Акция </script><script>alert(1)</script> & «скидки»";
        await site.WithDbAsync(async db =>
        {
            var promotion = new Promotion("script-title", DateOnly.MinValue, DateOnly.MaxValue);
            promotion.AddTranslation(new PromotionTranslation(Language.Ru, "akciya-script", Title));
            promotion.PublishAll(DateTimeOffset.UtcNow.AddMinutes(-1));
            db.Promotions.Add(promotion);
            await db.SaveChangesAsync();
        });

        var (response, page) = await site.CreateVisitor().GetPageAsync("/promotions/akciya-script");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(Title, page.QuerySelector("h1")!.TextContent);
        Assert.Equal(
            [("Главная", SiteFactory.BaseUrl + "/"), ("Акции", SiteFactory.BaseUrl + "/promotions"), (Title, SiteFactory.BaseUrl + "/promotions/akciya-script")],
            Items(Assert.Single(StructuredData.Of(page, "BreadcrumbList"))));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E", html, StringComparison.Ordinal);
        Assert.All(page.Scripts, script => Assert.True(StructuredData.IsData(script) || (script.Text.Length == 0 && script.Source is not null)));
    }

    [Theory]
    [MemberData(nameof(PublicPagesTests.Pages), MemberType = typeof(PublicPagesTests))]
    public async Task No_page_has_inline_script_the_policy_would_have_to_allow(string ru, string en)
    {
        var client = site.CreateVisitor();
        foreach (var path in new[] { ru, en })
        {
            var (response, page) = await client.GetPageAsync(path);

            Assert.Contains("script-src 'self';", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.All(page.Scripts, script => Assert.True(
                StructuredData.IsData(script) || (script.Text.Length == 0 && script.Source?.StartsWith('/') == true),
                $"{path}: <script type=\"{script.Type}\">{script.Text}</script>"));
        }
    }

    private async Task SetContactsAsync(string phone, double? latitude, double? longitude)
    {
        await site.WithDbAsync(async db =>
        {
            var contacts = db.ContactDetails.Single();
            contacts.Update(phone, contacts.AddressRu, contacts.AddressEn);
            (contacts.Latitude, contacts.Longitude) = (latitude, longitude);
            await db.SaveChangesAsync();
        });
    }

    private static List<(string Name, string Url)> Items(JsonElement list) =>
        list.GetProperty("itemListElement").EnumerateArray()
            .Select((item, i) =>
            {
                Assert.Equal("ListItem", item.GetProperty("@type").GetString());
                Assert.Equal(i + 1, item.GetProperty("position").GetInt32());
                return (item.GetProperty("name").GetString()!, item.GetProperty("item").GetString()!);
            })
            .ToList();
}
