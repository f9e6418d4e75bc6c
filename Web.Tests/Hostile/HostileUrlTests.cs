using Xunit.Abstractions;

namespace Sanatorium.Web.Tests.Hostile;

/// <summary>
/// Every URL of the site (one per route, found by <see cref="SiteMap"/>), asked for in every way a
/// hostile client can: every method, garbage cookies, odd language prefixes, long and Unicode slugs,
/// script in every query parameter, a forged Host header. Never a 500, never script reflected.
/// </summary>
public sealed class HostileUrlTests(HostileSite site, ITestOutputHelper output) : IClassFixture<HostileSite>
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "HOSTILE"];

    [Fact]
    public async Task Discovery_reaches_every_route_and_the_forms_of_visitors_and_staff()
    {
        var map = await site.MapAsync();
        foreach (var url in map.Urls)
        {
            output.WriteLine($"{url.Audience,-12} {url}");
        }

        foreach (var form in map.Forms)
        {
            output.WriteLine($"form {form}: {string.Join(", ", form.Fields.Select(f => $"{f.Name}:{f.Type}"))}");
        }

        output.WriteLine("forms no route serves (not attacked): " + string.Join(", ", map.Unserved));
        output.WriteLine("cookies: " + string.Join(", ", map.Cookies));
        output.WriteLine("query: " + string.Join(", ", map.QueryNames));
        output.WriteLine("static: " + string.Join(", ", map.StaticFolders));
        output.WriteLine($"{map.Pages.Count} pages");

        Assert.Contains(map.Forms, f => f is { Audience: Audience.Visitor, IsPost: true });
        Assert.Contains(map.Forms, f => f is { Audience: Audience.Staff, IsPost: true } && f.Fields.Any(x => x.Type == "textarea"));
        Assert.Contains(map.Forms, f => f.Audience == Audience.SecondFactor);
        Assert.DoesNotContain(map.Urls, u => u.Parameters.Count > 0 && u.Url.Contains("hostile") && u.Audience == Audience.Staff);
    }

    [Fact]
    public async Task Every_method_on_every_url_answers_without_a_server_error_and_HEAD_like_GET()
    {
        var findings = new Findings("every method on every URL", output);
        foreach (var url in (await site.MapAsync()).Urls)
        {
            var session = await site.SessionAsync(url.Audience == Audience.Staff ? Audience.Staff : Audience.Visitor);
            var get = await findings.SendAsync(session.Client, new HttpRequestMessage(HttpMethod.Get, url.Url), $"GET {url.Url}");
            foreach (var method in Methods.Skip(1))
            {
                var request = new HttpRequestMessage(new HttpMethod(method), url.Url);
                request.Headers.Add("X-Hostile", Payloads.Script);
                var where = $"{method} {url.Url}";
                var answer = await findings.SendAsync(session.Client, request, where);
                switch (method)
                {
                    case "HEAD" when answer.Status != get.Status:
                        findings.Fail(where, $"{answer} where GET answers {get}");
                        break;
                    case "PUT" or "DELETE" or "PATCH" or "PROPFIND" or "HOSTILE" or "TRACE" when answer.Status is not (404 or 405) && !answer.IsNone:
                        findings.Fail(where, $"{answer}, expected 405 (or 404)");
                        break;
                    case "TRACE" when answer.Body.Contains("X-Hostile", StringComparison.OrdinalIgnoreCase):
                        findings.Fail(where, $"{answer} echoing the request's headers");
                        break;
                }
            }
        }

        findings.AssertNone();
    }

    [Fact]
    public async Task Garbage_in_every_cookie_the_site_reads_is_ignored()
    {
        var map = await site.MapAsync();
        var findings = new Findings("garbage cookies", output);
        string[] garbage = [Payloads.Script + "=;=;", "size-99999999999.colors-..%2f.images-\u0000%FF", "CfDJ8" + new string('A', 3000), "кука"];
        foreach (var url in map.Urls)
        {
            foreach (var audience in url.Audience == Audience.Staff ? [Audience.Visitor, Audience.Staff] : new[] { Audience.Visitor })
            {
                var session = await site.SessionAsync(audience);
                foreach (var value in garbage)
                {
                    var address = new Uri(session.Client.BaseAddress!, url.Url);
                    // A logged-in member of staff keeps the real login cookie: every other one is garbage.
                    var replaced = map.Cookies.Where(c => audience == Audience.Visitor || c != map.StaffCookie).ToDictionary(c => c, _ => value);
                    var request = new HttpRequestMessage(HttpMethod.Get, address);
                    request.Headers.TryAddWithoutValidation("Cookie", session.CookieHeader(address, replaced));
                    await findings.SendAsync(site.NewSession().Client, request, $"GET {url.Url} as {audience} with cookies {Findings.Shorten(value)}");
                }
            }
        }

        findings.AssertNone();
    }

    [Fact]
    public async Task Odd_language_prefixes_answer_a_page_or_a_friendly_404()
    {
        var findings = new Findings("odd language prefixes", output);
        var client = site.NewSession().Client;
        var paths = (await site.MapAsync()).Urls
            .Where(u => u.Audience == Audience.Visitor)
            .Select(u => u.Url.StartsWith("/en/", StringComparison.OrdinalIgnoreCase) ? u.Url[3..] : u.Url)
            .Distinct();
        foreach (var path in paths)
        {
            foreach (var prefix in new[] { "/EN", "/en-us", "/de", "/en/en", "/Ru", "/ru", "/en/ru" })
            {
                var url = prefix + path;
                await findings.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, url), $"GET {url}");
            }
        }

        findings.AssertNone();
    }

    /// <summary>An encoded NUL in the path is Kestrel's to refuse (the test server throws on it): see <see cref="KestrelHostileTests"/>.</summary>
    [Fact]
    public async Task Long_and_Unicode_values_in_every_route_parameter_answer_without_a_server_error()
    {
        var findings = new Findings("long and Unicode route values", output);
        string[] values =
        [
            .. Payloads.Slugs.Select(Uri.EscapeDataString),
            "%C0%AE%C0%AE", "%FF%FE", "..%2F..%2Fappsettings.json", "%2e%2e", Uri.EscapeDataString(Payloads.Script), "99999999999999999999", "-1",
        ];
        foreach (var url in (await site.MapAsync()).Urls.Where(u => u.Parameters.Count > 0))
        {
            var session = await site.SessionAsync(url.Audience == Audience.Staff ? Audience.Staff : Audience.Visitor);
            foreach (var value in values)
            {
                foreach (var parameter in url.Parameters)
                {
                    var target = url.With(parameter, value);
                    await findings.SendAsync(session.Client, new HttpRequestMessage(HttpMethod.Get, target), $"GET {Findings.Shorten(target)}");
                }
            }
        }

        findings.AssertNone();
    }

    [Fact]
    public async Task Script_and_odd_return_urls_in_every_query_parameter_are_never_reflected()
    {
        var map = await site.MapAsync();
        var findings = new Findings("query parameters", output);
        string[] values = [Payloads.Script, Payloads.Nul, .. Payloads.ReturnUrls.Take(3)];
        foreach (var url in map.Urls)
        {
            var session = await site.SessionAsync(url.Audience == Audience.Staff ? Audience.Staff : Audience.Visitor);
            foreach (var value in values)
            {
                var query = string.Join("&", map.QueryNames.Select(n => $"{Uri.EscapeDataString(n)}={Uri.EscapeDataString(value)}"));
                var target = url.Url.Split('?')[0] + "?" + query;
                var answer = await findings.SendAsync(session.Client, new HttpRequestMessage(HttpMethod.Get, target), $"GET {url.Url}?…={Findings.Shorten(value)}");
                if (answer.Location is { } location && FormAttack.LeavesTheSite(location, session.Client.BaseAddress!))
                {
                    findings.Fail($"GET {url.Url}?…={Findings.Shorten(value)}", $"{answer} to {location}");
                }
            }
        }

        findings.AssertNone();
    }

    [Fact]
    public async Task A_forged_Host_header_never_reaches_a_redirect_or_a_page()
    {
        var findings = new Findings("forged Host header", output);
        var client = site.NewSession().Client;
        foreach (var url in (await site.MapAsync()).Urls)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url.Url);
            request.Headers.Host = "evil.example";
            var answer = await findings.SendAsync(client, request, $"GET {url.Url} Host: evil.example");
            if (answer.Location?.Contains("evil.example") == true || answer.Body.Contains("evil.example"))
            {
                findings.Fail($"GET {url.Url} Host: evil.example", $"{answer} naming evil.example{(answer.Location is { } l ? " in Location: " + l : " in its page")}");
            }
        }

        findings.AssertNone();
    }
}
