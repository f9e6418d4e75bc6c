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
                await ExpectNothingWrittenAsync(site, findings, form, answer, where, before, mustNotWrite: false);
            }
        }
    }

    /// <summary>A refused form, a GET, or (with <paramref name="mustNotWrite"/>) anything at all, leaves the content tables as they were.</summary>
    public static async Task ExpectNothingWrittenAsync(
        HostileSite site,
        Findings findings,
        HostileForm form,
        Answer answer,
        string where,
        IReadOnlyDictionary<string, string> before,
        bool mustNotWrite)
    {
        if (!mustNotWrite && !answer.Refused && form.Target.IsPost)
        {
            return;
        }

        var changes = HostileSite.Changes(before, await site.SnapshotAsync());
        if (changes.Length > 0)
        {
            findings.Fail(where, $"{answer}{(answer.Refused ? " refused" : "")}, yet wrote: {changes}");
        }
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
