using Sanatorium.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sanatorium.Web.Tests.Hostile;

/// <summary>
/// Every field of every distinct form (found by <see cref="SiteMap"/>), attacked one at a time with a
/// valid token and the other fields filled as a member of staff or a visitor would: script, SQL, NUL,
/// Unicode, overlong values, values the field's own rules forbid, CR/LF in e-mail addresses, odd slugs (see <see cref="Payloads"/>).
/// Return URLs are attacked on Kestrel (<see cref="KestrelHostileTests"/>).
/// </summary>
public sealed class HostileFieldTests(HostileSite site, ITestOutputHelper output) : IClassFixture<HostileSite>
{
    [Fact]
    public async Task Script_typed_into_any_field_is_never_reflected_nor_stored_as_live_markup()
    {
        var findings = await AttackFieldsAsync("script in every field", a => a.Kind == "script");

        // Stored: whatever was accepted shows on no page, public or back office, as live markup.
        foreach (var (url, audience) in (await site.MapAsync()).Pages)
        {
            var session = await site.SessionAsync(audience == Audience.Staff ? Audience.Staff : Audience.Visitor);
            await findings.SendAsync(session.Client, new HttpRequestMessage(HttpMethod.Get, url), $"GET {url} afterwards");
        }

        findings.AssertNone();
    }

    [Fact]
    public async Task SQL_metacharacters_and_Unicode_in_any_field_are_taken_as_text()
    {
        (await AttackFieldsAsync("SQL and Unicode in every field", a => a.Kind == "sql and unicode")).AssertNone();
    }

    [Fact]
    public async Task A_NUL_byte_in_any_field_is_refused_as_invalid_input()
    {
        var findings = await AttackFieldsAsync("NUL in every field", a => a.Kind == "nul", FormAttack.Check((form, answer, where, findings) =>
        {
            if (form.Target.IsPost && !answer.IsNone && (!answer.Refused || answer.Status == 404))
            {
                findings.Fail(where, $"{answer}, expected 400 (or the form again with an error)");
            }
        }));
        findings.AssertNone();
    }

    [Fact]
    public async Task Values_that_break_a_fields_declared_rules_are_never_stored()
    {
        (await AttackFieldsAsync("values against the field's rules", a => a.Kind is "long" or "number" or "date" or "not-offered")).AssertNone();
    }

    /// <summary>Return URLs are attacked on Kestrel, which refuses to send a header it cannot encode: see <see cref="KestrelHostileTests"/>.</summary>
    [Fact]
    public async Task CR_LF_in_e_mail_fields_and_odd_slugs_lead_nowhere()
    {
        var findings = await AttackFieldsAsync("CR/LF in e-mail fields, odd slugs", a => a.Kind is "crlf" or "crlf-encoded" or "slug", FormAttack.StaysOnTheSite);

        if (await MailDev.MailToAsync(Payloads.Victim) is { Count: > 0 } injected)
        {
            findings.Fail("CR/LF in an e-mail field", $"mail went to the injected address: {injected[0].Subject}");
        }

        findings.AssertNone();
    }

    private async Task<Findings> AttackFieldsAsync(string attack, Func<FieldAttack, bool> kinds, FormAttack.Expectation? expect = null)
    {
        var findings = new Findings(attack, output);
        await FormAttack.AttackFieldsAsync(site, findings, kinds, expect);
        return findings;
    }
}
