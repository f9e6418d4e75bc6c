using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sanatorium.Web.Tests.Hostile;

/// <summary>
/// What the in-process test server cannot show: Kestrel's limits on bodies and request lines, malformed
/// requests it rejects before the site sees them, path traversal it must not resolve, and the Server
/// header it should not send.
/// </summary>
public sealed class KestrelHostileTests(KestrelHostileSite site, ITestOutputHelper output) : IClassFixture<KestrelHostileSite>
{
    /// <summary>Over Kestrel's MaxRequestBodySize (30,000,000 bytes, about 28.6 MiB).</summary>
    private const int OverBodyLimit = 30 * 1024 * 1024;

    /// <summary>Requests no client should send, and the statuses that may answer them (a 505 is the right answer to HTTP/9.9).</summary>
    private static readonly Dictionary<string, (string Request, int[] Statuses)> Malformed = new()
    {
        ["no Host header"] = ("GET / HTTP/1.1\r\nConnection: close\r\n\r\n", [400]),
        ["two Host headers"] = ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n", [400]),
        ["a NUL byte in the target"] = ("GET /\0 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", [400]),
        ["a control character in the target"] = ("GET /a\u0001b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", [400, 404]),
        ["an encoded NUL in the path"] = ("GET /treatments/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", [400, 404]),
        ["not HTTP at all"] = ("HOSTILE\r\n\r\n", [400]),
        ["an unknown HTTP version"] = ("GET / HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n", [400, 505]),
        ["a request line over 8 KB"] = ($"GET /{new string('a', 9_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", [414]),
        ["headers over 32 KB"] = ($"GET / HTTP/1.1\r\nHost: x\r\nX-Hostile: {new string('a', 40_000)}\r\nConnection: close\r\n\r\n", [431]),
        ["a folded header"] = ("GET / HTTP/1.1\r\nHost: x\r\nX-Hostile: a\r\n b\r\nConnection: close\r\n\r\n", [400]),
        ["a header without a colon"] = ("GET / HTTP/1.1\r\nHost: x\r\nhostile\r\nConnection: close\r\n\r\n", [400]),
        ["a non-ASCII header value"] = ("GET / HTTP/1.1\r\nHost: x\r\nX-Hostile: \u00ff\u00fe\r\nConnection: close\r\n\r\n", [200, 400]),
        ["bare LF line ends"] = ("GET / HTTP/1.1\nHost: x\nConnection: close\n\n", [200, 400]),
        ["a negative Content-Length"] = ("POST /accessibility HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\nConnection: close\r\n\r\n", [400]),
        // Kestrel reads the body as chunked (empty here): a form that needs its token refuses it. The public
        // forms take no token (docs/decisions/0029-output-cache.md), so the login form is the target.
        ["Content-Length and chunked together"] = ("POST /admin/account/login HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n\r\n0\r\n\r\n", [400]),
        ["a broken chunked body"] = ("POST /accessibility HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n\r\nZZ\r\nxx\r\n0\r\n\r\n", [400]),
    };

    public static TheoryData<string> MalformedRequests => [.. Malformed.Keys];

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public async Task A_malformed_request_is_refused_with_a_4xx_that_does_not_name_the_server(string name)
    {
        var (request, statuses) = Malformed[name];
        var answer = await RawHttp.SendAsync(site.Address, request);

        Assert.True(statuses.Contains(answer.Status), $"{name}: {answer}, expected {string.Join(" or ", statuses)}");
        Assert.True(answer.Header("Server") is null, $"{name}: {answer} with Server: {answer.Header("Server")}");
    }

    [Fact]
    public async Task A_return_url_of_any_shape_in_any_form_leads_back_to_the_site()
    {
        var findings = new Findings("return URLs in forms, on Kestrel", output);
        await FormAttack.AttackFieldsAsync(site, findings, a => a.Kind == "return-url", FormAttack.StaysOnTheSite);
        findings.AssertNone();
    }

    public static TheoryData<string> ReturnUrls => [.. Payloads.ReturnUrls];

    [Theory]
    [MemberData(nameof(ReturnUrls))]
    public async Task A_login_with_any_return_url_lands_on_the_site_and_keeps_its_session(string returnUrl)
    {
        var findings = new Findings($"login with ReturnUrl={returnUrl}", output);
        var email = await site.CreateAsync($"return-{Guid.NewGuid():N}@staraya-russa.test", Roles.Editor);
        var client = site.NewSession().Client;
        var login = "/admin/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var (_, page) = await client.GetPageAsync(login);
        var form = page.Form();
        var request = new HttpRequestMessage(HttpMethod.Post, form.Target())
        {
            Content = new FormUrlEncodedContent(form.Fields(new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Staff.Password })),
        };

        var answer = await findings.SendAsync(client, request, $"POST {login}");
        if (answer.Status != (int)HttpStatusCode.Redirect || answer.Location is not { } location)
        {
            findings.Fail($"POST {login}", $"{answer}, expected a redirect");
        }
        else if (FormAttack.LeavesTheSite(location, client.BaseAddress!))
        {
            findings.Fail($"POST {login}", $"{answer} to {location}, off the site");
        }

        var admin = await findings.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "/admin"), "GET /admin after the login");
        if (admin.Status != (int)HttpStatusCode.OK)
        {
            findings.Fail("GET /admin after the login", $"{admin}: the session was lost");
        }

        findings.AssertNone();
    }

    [Fact]
    public async Task No_answer_of_the_site_names_its_server()
    {
        var findings = new Findings("Server header", output);
        foreach (var url in (await site.MapAsync()).Urls)
        {
            var answer = await findings.SendRawAsync(site.Address, $"GET {url.Url} HTTP/1.1\r\nHost: {site.Address.Authority}\r\nConnection: close\r\n\r\n", $"GET {url.Url}");
            if (answer.Header("Server") is { } server)
            {
                findings.Fail($"GET {url.Url}", $"{answer} with Server: {server}");
            }
        }

        findings.AssertNone();
    }

    [Fact]
    public async Task Traversal_out_of_static_and_media_folders_reaches_no_file()
    {
        var findings = new Findings("path traversal", output);
        string[] escapes =
        [
            "..%2f..%2fappsettings.json", "..%2F..%2F..%2Fappsettings.json", "../../appsettings.json", "%2e%2e/%2e%2e/appsettings.json",
            "..%5c..%5cappsettings.json", "..\\..\\appsettings.json", "%252e%252e%252fappsettings.json", "....//....//appsettings.json",
            "..%c0%af..%c0%afappsettings.json", "%2e%2e%2f%2e%2e%2fSanatorium.Web.dll", "../../../../../../etc/passwd",
            "..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
        ];
        foreach (var folder in (await site.MapAsync()).StaticFolders)
        {
            foreach (var escape in escapes)
            {
                var path = $"/{folder}/{escape}";
                var answer = await findings.SendRawAsync(site.Address, $"GET {path} HTTP/1.1\r\nHost: {site.Address.Authority}\r\nConnection: close\r\n\r\n", $"GET {path}");
                if (answer.Status is not (400 or 404))
                {
                    findings.Fail($"GET {path}", $"{answer}, expected 404 (or 400)");
                }

                if (answer.Body.Contains("ConnectionStrings") || answer.Body.Contains("root:x:0:0") || answer.Body.StartsWith("MZ", StringComparison.Ordinal))
                {
                    findings.Fail($"GET {path}", $"{answer} with a file from outside the folder");
                }
            }
        }

        findings.AssertNone();
    }

    [Fact]
    public async Task A_body_over_the_server_limit_is_refused_as_too_large_in_the_language_of_the_page()
    {
        var findings = new Findings("bodies over Kestrel's limit", output);
        foreach (var target in (await site.MapAsync()).FieldForms.Where(f => f.IsPost))
        {
            if (await HostileForm.OpenAsync(site, target, findings) is not { } form)
            {
                continue;
            }

            // As a browser uploading a huge file: the headers announce it all, the server answers before it has arrived.
            var (contentType, start) = form.IsMultipart
                ? ("multipart/form-data; boundary=hostile", "--hostile\r\nContent-Disposition: form-data; name=\"Image\"; filename=\"huge.png\"\r\nContent-Type: image/png\r\n\r\n")
                : ("application/x-www-form-urlencoded", $"{HostileForm.TokenField}=x&hostile=");
            var head = $"POST {form.Action.PathAndQuery} HTTP/1.1\r\nHost: {site.Address.Authority}\r\nContent-Type: {contentType}\r\n" +
                $"Content-Length: {OverBodyLimit}\r\nCookie: {form.Session.CookieHeader(form.Action, new Dictionary<string, string>())}\r\nConnection: close\r\n\r\n";
            var where = form.Where($"a body of {OverBodyLimit / 1024 / 1024} MiB");
            var before = await site.SnapshotAsync();
            var answer = await findings.SendRawAsync(site.Address, head, where, [.. Encoding.ASCII.GetBytes(start), .. new byte[64 * 1024]]);

            if (answer.Status != 413)
            {
                findings.Fail(where, $"{answer}, expected 413");
            }
            else if (answer.Body.Trim().Length == 0)
            {
                findings.Fail(where, $"{answer} with an empty body");
            }
            else if (new Answer(answer.Status, answer.Body, null).Language != form.Language)
            {
                findings.Fail(where, $"{answer} not in '{form.Language}', the language of the page");
            }

            if (HostileSite.Changes(before, await site.SnapshotAsync()) is { Length: > 0 } changes)
            {
                findings.Fail(where, $"{answer}, yet wrote: {changes}");
            }
        }

        findings.AssertNone();
    }
}
