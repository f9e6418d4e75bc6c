using System.Text;
using System.Text.RegularExpressions;
using Sanatorium.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sanatorium.Web.Tests.Hostile;

/// <summary>
/// Every distinct form of the site (found by <see cref="SiteMap"/>), sent whole bodies no browser would
/// send: too large, too many fields, broken encodings, invalid UTF-8, NUL bytes, the wrong content type,
/// a forged or missing antiforgery token, fields it does not have. Once per form, not per field.
/// </summary>
public sealed partial class HostileFormTests(HostileSite site, ITestOutputHelper output) : IClassFixture<HostileSite>
{
    /// <summary>One more than ASP.NET Core's form value limit (FormOptions.ValueLengthLimit).</summary>
    private const int OverValueLimit = 4 * 1024 * 1024 + 1;

    /// <summary>More than ASP.NET Core's limit of form fields (FormOptions.ValueCountLimit, 1,024).</summary>
    private const int OverFieldLimit = 1_100;

    [Fact]
    public async Task A_field_value_over_4_MiB_is_refused_as_too_large_in_the_language_of_the_page()
    {
        await OnEveryPostFormAsync("a field over 4 MiB", onePerFieldSet: true, form =>
        [
            new Probe(FirstField(form), form.Request(form.Values(new Dictionary<string, string> { [FirstField(form)] = new string('x', OverValueLimit) }))),
        ], FormAttack.Refusal(orFormAgain: true, 413, 400));
    }

    [Fact]
    public async Task More_fields_than_the_limit_are_refused_as_too_large_in_the_language_of_the_page()
    {
        await OnEveryPostFormAsync("more than 1,024 fields", onePerFieldSet: true, form =>
        {
            var extra = Enumerable.Range(0, OverFieldLimit).Select(i => new KeyValuePair<string, string>($"hostile{i}", "x"));
            return [new Probe($"{OverFieldLimit} extra fields", form.Request([.. form.Values(), .. extra]))];
        }, FormAttack.Refusal(orFormAgain: true, 413, 400));
    }

    [Fact]
    public async Task A_NUL_byte_anywhere_in_the_body_is_refused_as_invalid_input()
    {
        await OnEveryPostFormAsync("NUL bytes in the body", onePerFieldSet: false, form =>
        [
            new Probe("a field named with NUL", Raw(form, "&hostile%00name=x"u8.ToArray())),
            new Probe("a raw NUL byte in a value", Raw(form, Encoding.ASCII.GetBytes($"&{Uri.EscapeDataString(FirstField(form))}=a\0b"))),
        ], FormAttack.Refusal(orFormAgain: true, 400));
    }

    [Fact]
    public async Task Malformed_form_encodings_are_refused_or_read_leniently_never_a_server_error()
    {
        await OnEveryPostFormAsync("malformed form encodings", onePerFieldSet: false, form =>
        [
            new Probe("broken percent-escapes", Raw(form, Encoding.ASCII.GetBytes("&%%%=%ZZ&&=&==x&a=%E0%A4%A&%"))),
            new Probe("multipart without a boundary", Body(form, HostileForm.Encoded(form.Values()), "multipart/form-data")),
            new Probe("multipart cut off", Body(form, TruncatedMultipart(form), "multipart/form-data; boundary=hostile")),
            new Probe("multipart with a part that has no name", Body(form, Encoding.ASCII.GetBytes("--hostile\r\nContent-Type: text/plain\r\n\r\nx\r\n--hostile--\r\n"), "multipart/form-data; boundary=hostile")),
        ]);
    }

    [Fact]
    public async Task Invalid_UTF_8_in_a_field_is_refused_or_read_as_replacement_characters()
    {
        byte[] invalid = [0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80, 0xC0, 0xAF, 0xF4, 0x90, 0x80, 0x80];
        await OnEveryPostFormAsync("invalid UTF-8", onePerFieldSet: false, form =>
        [
            new Probe($"{FirstField(form)} raw", Raw(form, [.. Encoding.ASCII.GetBytes($"&{Uri.EscapeDataString(FirstField(form))}="), .. invalid])),
            new Probe($"{FirstField(form)} percent-encoded", Raw(form, Encoding.ASCII.GetBytes($"&{Uri.EscapeDataString(FirstField(form))}=%C3%28%FF%FE%ED%A0%80"))),
        ]);
    }

    [Fact]
    public async Task A_form_body_under_the_wrong_content_type_is_refused()
    {
        await OnEveryPostFormAsync("wrong content types", onePerFieldSet: false, form =>
        {
            var body = HostileForm.Encoded(form.Values());
            return
            [
                new Probe("as application/json", Body(form, Encoding.UTF8.GetBytes("{\"Input\":{\"Email\":\"x\"}}"), "application/json")),
                new Probe("as text/plain", Body(form, body, "text/plain")),
                new Probe("as application/xml", Body(form, body, "application/xml")),
                new Probe("with no content type", Body(form, body, null)),
            ];
        }, RefusedWithA4xx);
    }

    [Fact]
    public async Task A_forged_missing_or_foreign_antiforgery_token_or_cookie_is_refused_and_changes_nothing()
    {
        var findings = new Findings("forged antiforgery tokens", output);
        var map = await site.MapAsync();
        var antiforgery = map.Cookies.First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        // The login page: public pages carry no token (docs/decisions/0029-output-cache.md).
        var (_, elsewhere) = await site.NewSession().Client.GetPageAsync("/admin/account/login");
        var foreignToken = elsewhere.QuerySelector($"input[name={HostileForm.TokenField}]")!.GetAttribute("value")!;
        // A form that carries no token by design (the public forms, on cached pages) is protected otherwise
        // (docs/decisions/0019-newsletter-subscription.md and 0029-output-cache.md; Web.Tests/Newsletter, VisionModeTests).
        var withToken = map.Forms.Where(f => f.IsPost && f.Fields.Any(x => x.Name == HostileForm.TokenField));
        await FormAttack.RunAsync(site, findings, withToken, form =>
        {
            var withoutToken = form.Values().Where(f => f.Key != HostileForm.TokenField).ToList();
            var garbageCookie = form.Request(form.Values());
            garbageCookie.Headers.Add("Cookie", form.Session.CookieHeader(form.Action, new Dictionary<string, string> { [antiforgery] = "CfDJ8garbage" }));
            return
            [
                new Probe("without a token", form.Request(withoutToken)),
                new Probe("with a forged token", form.Request([.. withoutToken, new(HostileForm.TokenField, "CfDJ8" + new string('A', 200))])),
                new Probe("with another visitor's token", form.Request([.. withoutToken, new(HostileForm.TokenField, foreignToken)])),
                new Probe("with a garbage antiforgery cookie", garbageCookie, site.NewSession().Client),
            ];
        }, RefusedWithA4xx);
        findings.AssertNone();
    }

    [Fact]
    public async Task A_public_form_without_a_token_refuses_a_post_the_browser_marks_as_from_another_site()
    {
        var findings = new Findings("cross-site posts to forms without a token", output);
        var map = await site.MapAsync();
        var withoutToken = map.Forms.Where(f => f.IsPost && f.Audience == Audience.Visitor && f.Fields.All(x => x.Name != HostileForm.TokenField)).ToList();
        Assert.Contains(withoutToken, f => f.Action.EndsWith("/accessibility", StringComparison.Ordinal));
        await FormAttack.RunAsync(site, findings, withoutToken, form =>
        {
            var fromElsewhere = form.Request(form.Values());
            fromElsewhere.Headers.Add("Origin", "https://evil.example");
            var crossSite = form.Request(form.Values());
            crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
            return [new Probe("with Origin: https://evil.example", fromElsewhere), new Probe("with Sec-Fetch-Site: cross-site", crossSite)];
        }, FormAttack.Refusal(orFormAgain: false, 403));
        findings.AssertNone();
    }

    [Fact]
    public async Task Fields_a_form_does_not_have_are_never_stored()
    {
        var findings = new Findings("fields the form does not have", output);
        var map = await site.MapAsync();
        foreach (var (target, n) in map.Forms.Where(f => f.IsPost).Select((f, n) => (f, n)))
        {
            // Where the form binds a dictionary (Input.Shared[SortOrder]), any key fits it: twenty new ones of 1 kB each.
            var extra = $"hostile_extra_{n}_";
            var dictionaries = target.Fields.Select(f => Dictionary().Match(f.Name)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct();
            var added = dictionaries
                .SelectMany(prefix => Enumerable.Range(0, 20).Select(i => new KeyValuePair<string, string>($"{prefix}[{extra}{i}]", extra + new string('x', 1000))))
                .Append(new($"{extra}field", extra))
                .ToList();
            await FormAttack.RunAsync(site, findings, [target], form => [new Probe($"{added.Count} fields it does not have", form.Request([.. form.Values(), .. added]))]);
            if (await site.TablesHoldingAsync(extra) is { Count: > 0 } tables)
            {
                findings.Fail($"{target.Method} {target.Action} with {added.Count} fields it does not have", $"stored them in {string.Join(", ", tables)}");
            }
        }

        findings.AssertNone();
    }

    /// <summary>
    /// Sends the probes to every POST form, or (<paramref name="onePerFieldSet"/>, for the costly bodies
    /// the framework refuses before any page code runs) to one of each distinct set of fields.
    /// </summary>
    private async Task OnEveryPostFormAsync(string attack, bool onePerFieldSet, Func<HostileForm, IEnumerable<Probe>> probes, FormAttack.Expectation? expect = null)
    {
        var findings = new Findings(attack, output);
        var map = await site.MapAsync();
        await FormAttack.RunAsync(site, findings, (onePerFieldSet ? map.FieldForms : map.Forms).Where(f => f.IsPost), probes, expect);
        findings.AssertNone();
    }

    private static readonly FormAttack.Expectation RefusedWithA4xx = FormAttack.Check((_, answer, where, findings) =>
    {
        if (!answer.IsNone && answer.Status is < 400 or >= 500)
        {
            findings.Fail(where, $"{answer}: accepted");
        }
    });

    /// <summary>The field to attack when any will do: the form's first, or one it does not have when it has none.</summary>
    private static string FirstField(HostileForm form) => form.Target.Attackable.FirstOrDefault()?.Name ?? "hostile";

    /// <summary>The form's own fields (token included), urlencoded, followed by <paramref name="tail"/> as it is.</summary>
    private static HttpRequestMessage Raw(HostileForm form, byte[] tail) =>
        Body(form, [.. HostileForm.Encoded(form.Values()), .. tail], "application/x-www-form-urlencoded");

    private static HttpRequestMessage Body(HostileForm form, byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return form.Request(content);
    }

    /// <summary>The form as multipart, its token first, cut off in the middle of a part.</summary>
    private static byte[] TruncatedMultipart(HostileForm form)
    {
        var parts = form.Values().Select(f => $"--hostile\r\nContent-Disposition: form-data; name=\"{f.Key}\"\r\n\r\n{f.Value}\r\n");
        return Encoding.UTF8.GetBytes(string.Concat(parts) + "--hostile\r\nContent-Disposition: form-data; name=\"cut\"\r\n\r\nhalf a val");
    }

    [GeneratedRegex(@"^(.+)\[[^\]]+\]$")]
    private static partial Regex Dictionary();
}
