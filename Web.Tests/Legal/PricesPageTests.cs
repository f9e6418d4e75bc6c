using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Legal;

/// <summary>The prices page as a visitor reads it: the packages not yet ended, in the editors' order, prices in the page's language.</summary>
public sealed class PricesPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly DateOnly Today = ResortClock.Today(TimeProvider.System);

    [Theory]
    [InlineData("/prices", "ru", "21\u00a0500,50\u00a0₽", "45\u00a0000\u00a0₽", "без ограничения срока", "не являются публичной офертой")]
    [InlineData("/en/prices", "en", "RUB\u00a021,500.50", "RUB\u00a045,000", "no end date", "not a public offer")]
    public async Task The_table_lists_the_packages_not_yet_ended_in_order_with_prices_for_the_language(
        string path, string code, string breakPrice, string stayPrice, string always, string note)
    {
        await EnsurePackagesAsync();
        var culture = new CultureInfo(code);

        var (response, page) = await site.CreateVisitor().GetPageAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var table = page.QuerySelector("main table")!;
        Assert.False(string.IsNullOrWhiteSpace(table.QuerySelector("caption")?.TextContent));
        Assert.Equal(5, table.QuerySelectorAll("thead th[scope=col]").Length);
        var rows = table.QuerySelectorAll("tbody tr");
        Assert.Equal(
            code == "en" ? ["Health break", "Treatment stay", "Autumn stay"] : ["Оздоровительный отдых", "Санаторно-курортное лечение", "Осенний заезд"],
            rows.Select(r => r.QuerySelector("th[scope=row]")!.TextContent));
        var cells = rows.Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToArray();
        Assert.Equal(["7", breakPrice, always], [cells[0][0], cells[0][2], cells[0][3]]);
        Assert.Equal(["14", stayPrice], [cells[1][0], cells[1][2]]);
        Assert.Contains(Today.AddDays(30).ToString("d MMMM yyyy", culture), cells[1][3]);
        Assert.Contains(Today.AddDays(-10).ToString("d MMMM yyyy", culture), cells[1][3]);
        Assert.Contains(Today.AddDays(60).ToString("d MMMM yyyy", culture), cells[2][3]);
        Assert.Equal(2, rows[1].QuerySelectorAll("td li").Length);
        Assert.NotNull(rows[0].QuerySelector("td strong"));
        Assert.Null(table.QuerySelector("script"));
        Assert.Contains(note, page.QuerySelector(".prices-note")!.TextContent);
        Assert.Null(page.QuerySelector("meta[name=robots]"));
    }

    [Fact]
    public async Task The_page_is_in_the_sitemap_and_the_language_switch_in_both_languages()
    {
        await EnsurePackagesAsync();
        var visitor = site.CreateVisitor();

        var sitemap = await visitor.GetStringAsync("/sitemap.xml");
        Assert.Contains($"<loc>{SiteFactory.BaseUrl}/prices</loc>", sitemap);
        Assert.Contains($"<loc>{SiteFactory.BaseUrl}/en/prices</loc>", sitemap);
        var (_, russian) = await visitor.GetPageAsync("/prices");
        Assert.Equal("/en/prices", russian.QuerySelector(".lang-switch a")?.GetAttribute("href"));
        var (_, english) = await visitor.GetPageAsync("/en/prices");
        Assert.Equal("/prices", english.QuerySelector(".lang-switch a")?.GetAttribute("href"));
        Assert.Equal("/en/prices", english.QuerySelector("footer a[href='/en/prices']")?.GetAttribute("href"));
    }

    private Task EnsurePackagesAsync() => site.WithDbAsync(async db =>
    {
        if (await db.StayPackages.AnyAsync())
        {
            return;
        }

        db.StayPackages.AddRange(
            new StayPackage
            {
                SortOrder = 2, NameRu = "Санаторно-курортное лечение", NameEn = "Treatment stay", Nights = 14, PricePerPerson = 45000,
                IncludedRu = "- Проживание\n- Питание <script>alert(1)</script>", IncludedEn = "- Accommodation\n- Meals <script>alert(1)</script>",
                ValidFrom = Today.AddDays(-10), ValidTo = Today.AddDays(30),
            },
            new StayPackage
            {
                SortOrder = 1, NameRu = "Оздоровительный отдых", NameEn = "Health break", Nights = 7, PricePerPerson = 21500.50m,
                IncludedRu = "**Проживание** и питание", IncludedEn = "**Accommodation** and meals",
            },
            new StayPackage { SortOrder = 0, NameRu = "Прошлогодний заезд", NameEn = "Last year's stay", Nights = 10, PricePerPerson = 30000, ValidTo = Today.AddDays(-1) },
            new StayPackage { SortOrder = 3, NameRu = "Осенний заезд", NameEn = "Autumn stay", Nights = 21, PricePerPerson = 60000, ValidFrom = Today.AddDays(60) });
        await db.SaveChangesAsync();
    });
}
