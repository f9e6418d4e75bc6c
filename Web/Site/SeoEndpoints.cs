using System.Globalization;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Options;
using Sanatorium.Web.Enquiries;

namespace Sanatorium.Web.Site;

/// <summary>
/// robots.txt and sitemap.xml: every published page in each language, with its hreflang alternates
/// (x-default: the Russian one) and, for content, when it was last published. A listing with nothing in
/// it (no promotion running) is left out, as its page tells search engines not to index it.
/// </summary>
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
            List<Page> pages =
            [
                Page.Everywhere(SiteUrls.Home),
                Page.Everywhere(SiteUrls.Accessibility),
                Page.Everywhere(SiteUrls.Contacts),
                Page.Everywhere(EnquiryUrls.Form),
            ];
            // Pages that say only "nothing yet" are noindex and left out.
            if (await Pages.PricesModel.Shown(db, time).AnyAsync(cancellationToken))
            {
                pages.Add(Page.Everywhere(SiteUrls.Prices));
            }

            if (await Pages.OperatorDetailsModel.AnyFilledAsync(db, cancellationToken))
            {
                pages.Add(Page.Everywhere(SiteUrls.OperatorDetails));
            }

            // A translation last published before LastPublishedAt was recorded has only its PublishedAt.
            var profiles = await db.ProfileTranslations.Published(now)
                .Select(t => new Row(t.ProfileId, t.Language, t.Slug, t.LastPublishedAt ?? t.PublishedAt)).ToListAsync(cancellationToken);
            var treatments = await db.TreatmentTranslations.Published(now)
                .Select(t => new Row(t.TreatmentId, t.Language, t.Slug, t.LastPublishedAt ?? t.PublishedAt)).ToListAsync(cancellationToken);
            var infoPages = await db.InfoPageTranslations.Published(now)
                .Select(t => new Row(t.InfoPageId, t.Language, t.Slug, t.LastPublishedAt ?? t.PublishedAt)).ToListAsync(cancellationToken);
            var today = ResortClock.Today(time);
            var running = db.Promotions.Where(Promotion.RunningOn(today)).Select(p => p.Id);
            var promotions = await db.PromotionTranslations.Published(now)
                .Where(t => running.Contains(t.PromotionId))
                .Select(t => new Row(t.PromotionId, t.Language, t.Slug, t.LastPublishedAt ?? t.PublishedAt)).ToListAsync(cancellationToken);
            if (promotions.Count > 0)
            {
                pages.Add(Page.Everywhere(SiteUrls.Promotions));
            }

            pages.AddRange(Group(profiles, SiteUrls.Profile));
            pages.AddRange(Group(treatments, SiteUrls.Treatment));
            pages.AddRange(Group(infoPages, SiteUrls.Info));
            pages.AddRange(Group(promotions, SiteUrls.Promotion));

            var urls = pages.SelectMany(page => page.Paths.Select(path => new XElement(Sitemap + "url",
                new XElement(Sitemap + "loc", site.Value.Absolute(path.Value)),
                page.LastModified.TryGetValue(path.Key, out var modified)
                    ? new XElement(Sitemap + "lastmod", modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                    : null,
                Alternates(page.Paths).Select(alternate => new XElement(Xhtml + "link",
                    new XAttribute("rel", "alternate"),
                    new XAttribute("hreflang", alternate.Hreflang),
                    new XAttribute("href", site.Value.Absolute(alternate.Path)))))));
            var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Sitemap + "urlset",
                new XAttribute(XNamespace.Xmlns + "xhtml", Xhtml.NamespaceName),
                urls));
            return Results.Text($"{document.Declaration}\n{document}", "application/xml; charset=utf-8");
        });
    }

    /// <summary>Each language's page, then the default language's again as x-default (as the pages' own hreflang links).</summary>
    private static IEnumerable<(string Hreflang, string Path)> Alternates(IReadOnlyDictionary<Language, string> paths) =>
        paths.Select(p => (p.Key.Code(), p.Value))
            .Concat(paths.TryGetValue(Languages.Default, out var fallback) ? [("x-default", fallback)] : []);

    private static IEnumerable<Page> Group(IEnumerable<Row> rows, Func<Language, string, string> url) =>
        rows.GroupBy(r => r.Id).Select(g => new Page(
            g.OrderBy(r => r.Language).ToDictionary(r => r.Language, r => url(r.Language, r.Slug)),
            g.Where(r => r.PublishedAt is not null).ToDictionary(r => r.Language, r => r.PublishedAt!.Value)));

    private sealed record Row(int Id, Language Language, string Slug, DateTimeOffset? PublishedAt);

    /// <summary>One page in every language it exists in, with when each translation was last published (content only).</summary>
    private sealed record Page(IReadOnlyDictionary<Language, string> Paths, IReadOnlyDictionary<Language, DateTimeOffset> LastModified)
    {
        public static Page Everywhere(Func<Language, string> path) => new(SiteUrls.Everywhere(path), new Dictionary<Language, DateTimeOffset>());
    }
}
