namespace Sanatorium.Web.Tests.Hostile;

/// <summary>One hostile submission of a form: what is attacked (a field, or the body) and the request; sent by another client when given.</summary>
public sealed record Probe(string What, HttpRequestMessage Request, HttpClient? Client = null);

/// <summary>
/// Runs an attack on forms: opens each (fresh token and values), sends its probes, checks each answer
/// with the attack's own expectation, and holds every refusal (and every GET) to "nothing written":
/// the content tables are exactly as before.
/// </summary>
public static class FormAttack
{
    public delegate Task Expectation(HostileForm form, Answer answer, string where, Findings findings);

    public static Task RunAsync(
        HostileSite site,
        Findings findings,
        IEnumerable<FormTarget> targets,
        Func<HostileForm, IEnumerable<Probe>> probes,
        Expectation? expect = null) =>
        RunAsync(site, findings, targets, form => Task.FromResult(probes(form)), expect);

    public static async Task RunAsync(
        HostileSite site,
        Findings findings,
        IEnumerable<FormTarget> targets,
        Func<HostileForm, Task<IEnumerable<Probe>>> probes,
        Expectation? expect = null)
    {
        foreach (var target in targets)
        {
            if (await HostileForm.OpenAsync(site, target, findings) is not { } form)
            {
                continue;
            }

            foreach (var probe in await probes(form))
            {
                var where = form.Where(probe.What);
                var before = await site.SnapshotAsync();
                var answer = await findings.SendAsync(probe.Client ?? form.Session.Client, probe.Request, where);
                await (expect?.Invoke(form, answer, where, findings) ?? Task.CompletedTask);
                await ExpectNothingWrittenAsync(site, findings, form, answer, where, before);
            }
        }
    }

    /// <summary>
    /// Sends each attack of the chosen kinds (see <see cref="Payloads.For"/>) to its field, one at a time,
    /// through one form of each distinct set of fields. Every answer: the checks of <see cref="Findings"/>
    /// and <paramref name="expect"/>; a refusal, a GET, or a value that breaks the field's rules: nothing
    /// written. After an attack that was taken the form is opened again (its base revision moved on).
    /// </summary>
    public static async Task AttackFieldsAsync(HostileSite site, Findings findings, Func<FieldAttack, bool> kinds, Expectation? expect = null)
    {
        foreach (var target in (await site.MapAsync()).FieldForms)
        {
            var attacks = target.Attackable.SelectMany(Payloads.For).Where(kinds).ToList();
            var form = attacks.Count > 0 ? await HostileForm.OpenAsync(site, target, findings) : null;
            var before = await site.SnapshotAsync();
            foreach (var hostile in attacks)
            {
                if (form is null)
                {
                    break;
                }

                var where = form.Where(hostile.ToString());
                var request = form.Request(form.Values(new Dictionary<string, string> { [hostile.Field.Name] = hostile.Value }));
                var answer = await findings.SendAsync(form.Session.Client, request, where);
                await (expect?.Invoke(form, answer, where, findings) ?? Task.CompletedTask);
                var why = hostile.Breaks is { } rule ? $"{where}, a value {rule}," : where;
                before = await ExpectNothingWrittenAsync(site, findings, form, answer, why, before, mustNotWrite: hostile.Breaks is not null);
                if (form.Target.IsPost && !answer.Refused)
                {
                    // Opening the form again may renew the session (a new account): measure again.
                    form = await HostileForm.OpenAsync(site, target, findings);
                    before = await site.SnapshotAsync();
                }
            }
        }
    }

    /// <summary>A redirect, if any, stays on the site.</summary>
    public static readonly Expectation StaysOnTheSite = Check((form, answer, where, findings) =>
    {
        if (answer.Location is { } location && LeavesTheSite(location, form.Session.Client.BaseAddress!))
        {
            findings.Fail(where, $"{answer} to {location}, off the site");
        }
    });

    /// <summary>A redirect that leaves the site: to another host, or to a path a browser reads as another host.</summary>
    public static bool LeavesTheSite(string location, Uri site) =>
        location.StartsWith("//", StringComparison.Ordinal) || location.StartsWith("/\\", StringComparison.Ordinal)
        || (Uri.TryCreate(location, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" && absolute.Authority != site.Authority)
        || location.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Measures the tables after an answer: a refused form, a GET, or (with <paramref name="mustNotWrite"/>)
    /// anything at all must have left them as they were <paramref name="before"/>. Returns the measure.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> ExpectNothingWrittenAsync(
        HostileSite site,
        Findings findings,
        HostileForm form,
        Answer answer,
        string where,
        IReadOnlyDictionary<string, string> before,
        bool mustNotWrite = false)
    {
        var after = await site.SnapshotAsync();
        if ((mustNotWrite || answer.Refused || !form.Target.IsPost) && HostileSite.Changes(before, after) is { Length: > 0 } changes)
        {
            findings.Fail(where, $"{answer}{(answer.Refused ? " refused" : "")}, yet wrote: {changes}");
        }

        return after;
    }

    /// <summary>
    /// The answer is one of <paramref name="statuses"/> (or, with <paramref name="orFormAgain"/>, the form
    /// shown again with an error), a page in the language of the form's page.
    /// </summary>
    public static Expectation Refusal(bool orFormAgain, params int[] statuses) => Check((form, answer, where, findings) =>
    {
        if (answer.IsNone)
        {
            return;
        }

        if (!statuses.Contains(answer.Status) && !(orFormAgain && answer is { Status: 200, Refused: true }))
        {
            findings.Fail(where, $"{answer}, expected {string.Join(" or ", statuses)}{(orFormAgain ? " or the form again with an error" : "")}");
        }
        else if (answer.Language != form.Language)
        {
            findings.Fail(where, $"{answer} in '{answer.Language}' on a page in '{form.Language}'");
        }
    });

    /// <summary>An expectation that needs no further request.</summary>
    public static Expectation Check(Action<HostileForm, Answer, string, Findings> check) => (form, answer, where, findings) =>
    {
        check(form, answer, where, findings);
        return Task.CompletedTask;
    };
}
