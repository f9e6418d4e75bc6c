using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Options;
using Sanatorium.Web.Enquiries;

namespace Sanatorium.Web.Site;

/// <summary>robots.txt and sitemap.xml: every published page in each language, with its hreflang alternates.</summary>
internal static class SeoEndpoints
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    public static void MapSeo(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/robots.txt", ReadMethods.GetAndHead, (IOptions<SiteOptions> site) => Results.Text(
            $"User-agent: *\nDisallow: /admin\nSitemap: {site.Value.Absolute("/sitemap.xml")}\n",
            "text/plain; charset=utf-8"));

        app.MapMethods("/sitemap.xml", ReadMethods.GetAndHead, async (
            SanatoriumDbContext db,
            IOptions<SiteOptions> site,
            TimeProvider time,
            CancellationToken cancellationToken) =>
        {
            var now = time.GetUtcNow();
            List<IReadOnlyDictionary<Language, string>> pages =
            [
                SiteUrls.Everywhere(SiteUrls.Home),
                SiteUrls.Everywhere(SiteUrls.Accessibility),
                SiteUrls.Everywhere(SiteUrls.Promotions),
                SiteUrls.Everywhere(SiteUrls.Contacts),
                SiteUrls.Everywhere(EnquiryUrls.Form),
            ];

            var profiles = await db.ProfileTranslations.Published(now)
                .Select(t => new Row(t.ProfileId, t.Language, t.Slug)).ToListAsync(cancellationToken);
            var treatments = await db.TreatmentTranslations.Published(now)
                .Select(t => new Row(t.TreatmentId, t.Language, t.Slug)).ToListAsync(cancellationToken);
            var infoPages = await db.InfoPageTranslations.Published(now)
                .Select(t => new Row(t.InfoPageId, t.Language, t.Slug)).ToListAsync(cancellationToken);
            pages.AddRange(Group(profiles, SiteUrls.Profile));
            pages.AddRange(Group(treatments, SiteUrls.Treatment));
            var today = ResortClock.Today(time);
            var running = db.Promotions.Where(Promotion.RunningOn(today)).Select(p => p.Id);
            var promotions = await db.PromotionTranslations.Published(now)
                .Where(t => running.Contains(t.PromotionId))
                .Select(t => new Row(t.PromotionId, t.Language, t.Slug)).ToListAsync(cancellationToken);
            pages.AddRange(Group(infoPages, SiteUrls.Info));
            pages.AddRange(Group(promotions, SiteUrls.Promotion));

            var urls = pages.SelectMany(paths => paths.Values.Select(path => new XElement(Sitemap + "url",
                new XElement(Sitemap + "loc", site.Value.Absolute(path)),
                paths.Select(alternate => new XElement(Xhtml + "link",
                    new XAttribute("rel", "alternate"),
                    new XAttribute("hreflang", alternate.Key.Code()),
                    new XAttribute("href", site.Value.Absolute(alternate.Value)))))));
            var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Sitemap + "urlset",
                new XAttribute(XNamespace.Xmlns + "xhtml", Xhtml.NamespaceName),
                urls));
            return Results.Text($"{document.Declaration}\n{document}", "application/xml; charset=utf-8");
        });
    }

    private static IEnumerable<IReadOnlyDictionary<Language, string>> Group(
        IEnumerable<Row> rows,
        Func<Language, string, string> url) =>
        rows.GroupBy(r => r.Id).Select(g => (IReadOnlyDictionary<Language, string>)g
            .OrderBy(r => r.Language)
            .ToDictionary(r => r.Language, r => url(r.Language, r.Slug)));

    private sealed record Row(int Id, Language Language, string Slug);
}
