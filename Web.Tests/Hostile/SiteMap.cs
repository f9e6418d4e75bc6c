using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Admin;
using Sanatorium.Web.Admin.Accounts;
using Sanatorium.Web.Site;
using Sanatorium.Web.Site.Vision;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Hostile;

/// <summary>One URL per route of the site, its parameters filled with values a page of the site linked to.</summary>
public sealed record UrlTarget(string Pattern, string Url, Audience Audience, IReadOnlyList<string> Parameters)
{
    /// <summary>The URL with one route parameter given another value (already escaped as a path segment).</summary>
    public string With(string parameter, string value)
    {
        var index = Array.FindIndex(Pattern.Trim('/').Split('/'), s => s.StartsWith('{') && s.Trim('{', '}').Split(':', '=', '?')[0] == parameter);
        var segments = Url.Split('?')[0].Trim('/').Split('/').ToList();
        while (segments.Count <= index)
        {
            segments.Add("");
        }

        segments[index] = value;
        return "/" + string.Join("/", segments);
    }

    public override string ToString() => $"{Pattern} as {Url}";
}

/// <summary>
/// Everything of the site an attacker can reach, discovered from the running site itself, so that a new
/// page is attacked without editing the suite:
/// <list type="bullet">
/// <item>every route (Razor pages and mapped endpoints) from the app's <see cref="EndpointDataSource"/>;</item>
/// <item>real values for their parameters, from a crawl of the pages a visitor, an administrator and a
/// visitor halfway through a two-factor login reach by following links from the home page, the back
/// office and the sitemap (plus the reset link only an e-mail carries);</item>
/// <item>every distinct form on those pages, with its fields and their declared rules;</item>
/// <item>every cookie the site reads, every query parameter its links use, its static folders.</item>
/// </list>
/// </summary>
public sealed class SiteMap
{
    /// <summary>More pages than the site has; a bound in case a page starts linking to endless others.</summary>
    private const int MaxPages = 300;

    private readonly HostileSite site;
    private readonly IReadOnlyList<Route> routes;
    private readonly HashSet<string> shapes = [];
    private readonly Dictionary<string, (FormTarget Target, int Filled)> forms = [];
    private readonly Dictionary<Route, string> samples = [];
    private readonly HashSet<string> cookies = [];
    private readonly HashSet<string> queryNames = [];
    private readonly HashSet<string> folders = [];
    private readonly List<(string Url, Audience Audience)> pages = [];
    private readonly HashSet<string> unserved = [];

    private SiteMap(HostileSite site)
    {
        this.site = site;
        routes = RoutesOf(site);
    }

    /// <summary>One URL per route pattern.</summary>
    public IReadOnlyList<UrlTarget> Urls { get; private set; } = [];

    /// <summary>One target per distinct form (and per submit button with an action of its own).</summary>
    public IReadOnlyList<FormTarget> Forms => forms.Values.Select(f => f.Target).ToList();

    /// <summary>
    /// One target per distinct set of fields, the one with most values filled in (an edit page rather
    /// than a new one, the first of its submit buttons): what field-by-field attacks go through.
    /// </summary>
    public IReadOnlyList<FormTarget> FieldForms => forms.Values
        .GroupBy(f => $"{f.Target.Method} {string.Join(",", f.Target.Fields.Select(x => x.Name).Order(StringComparer.Ordinal))}")
        .Select(g => g.MaxBy(f => f.Filled).Target)
        .ToList();

    /// <summary>The actions of forms that no route serves.</summary>
    public IReadOnlyCollection<string> Unserved => unserved;

    /// <summary>Every page the crawl found answering 200, with whom it was read as.</summary>
    public IReadOnlyList<(string Url, Audience Audience)> Pages => pages;

    /// <summary>The cookies the site sets or reads: its cookie schemes, antiforgery, and those seen in answers.</summary>
    public IReadOnlyCollection<string> Cookies => cookies;

    /// <summary>The staff login cookie.</summary>
    public string StaffCookie { get; private set; } = "";

    /// <summary>The query parameters the site's links and GET forms use, and the return URLs of its login redirects.</summary>
    public IReadOnlyCollection<string> QueryNames => queryNames;

    /// <summary>The first segments of the URLs that serve files: the web root's folders and mapped file routes.</summary>
    public IReadOnlyCollection<string> StaticFolders => folders;

    public static async Task<SiteMap> DiscoverAsync(HostileSite site)
    {
        var map = new SiteMap(site);
        await map.CrawlAsync(Audience.Visitor, await map.VisitorSeedsAsync(), _ => true);
        await map.CrawlAsync(Audience.Staff, ["/admin", .. map.Unparameterized(Audience.Staff)], path => path.StartsWith("/admin", StringComparison.OrdinalIgnoreCase));
        var account = map.Unparameterized(Audience.Visitor).Where(p => p.StartsWith("/admin/account", StringComparison.OrdinalIgnoreCase));
        await map.CrawlAsync(Audience.SecondFactor, account, path => path.StartsWith("/admin/account", StringComparison.OrdinalIgnoreCase));
        await map.FinishAsync();
        return map;
    }

    private async Task<IEnumerable<string>> VisitorSeedsAsync()
    {
        var sitemap = XDocument.Parse(await site.NewSession().Client.GetStringAsync("/sitemap.xml"));
        var listed = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).PathAndQuery);
        return [await ResetLinkAsync(), "/", "/en/", .. listed, .. Unparameterized(Audience.Visitor)];
    }

    /// <summary>The password-reset page exists only behind the link an e-mail carries: made here as the mail makes it.</summary>
    private async Task<string> ResetLinkAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(HostileSite.Bystander))!;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"{AccountEmails.ResetPasswordPath}?user={Uri.EscapeDataString(user.Id)}&code={AccountEmails.EncodeToken(token)}";
    }

    private IEnumerable<string> Unparameterized(Audience audience) =>
        routes.Where(r => r.Audience == audience && r.Parameters.Count == 0).Select(r => r.Pattern);

    private async Task CrawlAsync(Audience audience, IEnumerable<string> seeds, Func<string, bool> inScope)
    {
        var session = await site.SessionAsync(audience);
        var queue = new Queue<string>(seeds);
        while (queue.TryDequeue(out var url) && pages.Count < MaxPages)
        {
            var address = new Uri(session.Client.BaseAddress!, url);
            if (!shapes.Add($"{audience} {HostileForm.Shape(address)}"))
            {
                continue;
            }

            var response = await session.Client.GetAsync(url);
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
            {
                cookies.Add(cookie.Split('=')[0].Trim());
            }

            if (response.Headers.Location is { } location && location.OriginalString.Contains('?'))
            {
                AddQueryNames(new Uri(address, location));
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = await response.ParseAsync(address);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                pages.Add((url, audience));
                Sample(address);
            }

            foreach (var (target, form, _) in HostileForm.On(page))
            {
                AddForm(target with { Audience = audience }, form);
            }

            foreach (var link in Links(page, address))
            {
                AddQueryNames(link.Url);
                if (link.IsResource)
                {
                    Sample(link.Url);
                    folders.Add(link.Url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "");
                }
                else if (inScope(link.Url.AbsolutePath) && !site.SparedUserIds.Any(id => link.Url.AbsolutePath.Contains(id)))
                {
                    queue.Enqueue(link.Url.PathAndQuery);
                }
            }
        }
    }

    /// <summary>
    /// Keeps one form per key: the one with most values filled in (an edit page rather than a new one).
    /// A form whose action no route serves (the footer's newsletter form before the newsletter exists)
    /// has nothing to attack yet: it is listed in <see cref="Unserved"/>.
    /// </summary>
    private void AddForm(FormTarget target, IHtmlFormElement form)
    {
        if (Match(new Uri(new Uri("http://site"), target.Action).AbsolutePath) is null)
        {
            unserved.Add(target.Action);
            return;
        }

        var filled = form.Elements.Count(e => e.GetAttribute("value") is { Length: > 0 } || e.TextContent.Length > 0);
        if (!forms.TryGetValue(target.Key, out var known) || known.Filled < filled)
        {
            forms[target.Key] = (target, filled);
        }

        foreach (var field in target.Fields.Where(_ => !target.IsPost))
        {
            queryNames.Add(field.Name);
        }
    }

    private void AddQueryNames(Uri url)
    {
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            queryNames.Add(Uri.UnescapeDataString(pair.Split('=')[0]));
        }
    }

    /// <summary>The site's own links on a page: pages to follow, and the files it loads (pictures, styles, scripts).</summary>
    private static IEnumerable<(Uri Url, bool IsResource)> Links(IDocument page, Uri address)
    {
        var links = page.QuerySelectorAll("a[href]").Select(a => (a.GetAttribute("href")!, false))
            .Concat(page.QuerySelectorAll("img[src], script[src]").Select(e => (e.GetAttribute("src")!, true)))
            .Concat(page.QuerySelectorAll("link[rel=stylesheet][href]").Select(e => (e.GetAttribute("href")!, true)));
        foreach (var (href, isResource) in links)
        {
            if (!Uri.TryCreate(address, href, out var url))
            {
                continue;
            }

            if (url.Host == new Uri(SiteFactory.BaseUrl).Host)
            {
                url = new Uri(address, url.PathAndQuery);
            }

            if (url.Host == address.Host && url.Port == address.Port)
            {
                yield return (new UriBuilder(url) { Fragment = "" }.Uri, isResource);
            }
        }
    }

    /// <summary>Takes <paramref name="url"/> as the example of the route it reaches, if that route has none yet.</summary>
    private void Sample(Uri url)
    {
        if (Match(url.AbsolutePath) is { } route && !samples.ContainsKey(route))
        {
            samples[route] = url.PathAndQuery;
        }
    }

    private Route? Match(string path) => routes.FirstOrDefault(r => r.Matcher.TryMatch(path, new RouteValueDictionary()));

    /// <summary>One URL per route: its crawled example, or one made with a stand-in value where no page links to it.</summary>
    private async Task FinishAsync()
    {
        Urls = routes
            .Select(r => new UrlTarget(r.Pattern, samples.GetValueOrDefault(r) ?? r.StandIn(), r.Audience, r.Parameters))
            .ToList();
        foreach (var folder in site.Services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetDirectoryContents("").Where(f => f.IsDirectory))
        {
            folders.Add(folder.Name);
        }

        folders.RemoveWhere(f => f.Length == 0);
        queryNames.Add("returnUrl");
        cookies.Add(VisionSettings.CookieName);
        cookies.Add(SiteLanguage.AdminCookie);
        var schemes = await site.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync();
        var options = site.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();
        StaffCookie = options.Get(IdentityConstants.ApplicationScheme).Cookie.Name!;
        foreach (var scheme in schemes.Where(s => typeof(CookieAuthenticationHandler).IsAssignableFrom(s.HandlerType)))
        {
            if (options.Get(scheme.Name).Cookie.Name is { } name)
            {
                cookies.Add(name);
            }
        }
    }

    /// <summary>
    /// The site's routes, the most specific first (as routing matches them); one needs a login when it asks
    /// for authorization and does not allow anonymous visitors.
    /// </summary>
    private static IReadOnlyList<Route> RoutesOf(HostileSite site) =>
        site.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new Route(
                "/" + e.RoutePattern.RawText!.Trim('/'),
                new RouteTemplate(e.RoutePattern),
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() && e.Metadata.GetMetadata<IAllowAnonymous>() is null
                    ? Audience.Staff
                    : Audience.Visitor,
                e.Order))
            .DistinctBy(r => r.Pattern.ToLowerInvariant())
            .OrderBy(r => r.Order)
            .ThenBy(r => RoutePrecedence.ComputeInbound(r.Template))
            .ToList();

    private sealed record Route(string Pattern, RouteTemplate Template, Audience Audience, int Order)
    {
        public TemplateMatcher Matcher { get; } = new(Template, new RouteValueDictionary());

        public IReadOnlyList<string> Parameters { get; } = Template.Parameters.Select(p => p.Name!).ToList();

        /// <summary>The URL with stand-in values: a number, a GUID or a word, by the parameter's constraint.</summary>
        public string StandIn() => "/" + string.Join("/", Template.Segments.Select(segment => string.Concat(segment.Parts.Select(part =>
            !part.IsParameter ? part.Text
            : part.InlineConstraints.Any(c => c.Constraint.StartsWith("int", StringComparison.Ordinal) || c.Constraint.StartsWith("long", StringComparison.Ordinal)) ? "404"
            : part.InlineConstraints.Any(c => c.Constraint.StartsWith("guid", StringComparison.Ordinal)) ? Guid.Empty.ToString()
            : "hostile"))));
    }
}
