using System.Globalization;

namespace Sanatorium.Web.Tests.Hostile;

/// <summary>
/// What the suite types into a field. Each attack may carry the rule of the field it breaks (its
/// type, maxlength, min or max, the values it offers): a value that breaks a rule the form declares
/// must never be stored.
/// </summary>
public static class Payloads
{
    /// <summary>Unique to this suite: wherever it comes back as live markup, script was reflected or stored.</summary>
    public const string Marker = "hostile_7f3a";

    public const string Script = $"\"><svg onload={Marker}()><script>{Marker}</script>";

    public const string Sql = "' OR '1'='1'; DROP TABLE \"AspNetUsers\"; -- \\ % _ \"";

    public const string Nul = "a\0b";

    /// <summary>Cyrillic, an emoji sequence, a right-to-left override, stacked combining marks, astral and wide characters.</summary>
    public const string Unicode = "Лечение \U0001F9D8\u200D\u2640\uFE0F \u202Eevil\u202C e\u0301\u0301\u0301 \U0001D54F \uFDFD";

    /// <summary>Where a header injection would send mail: an address of this run only.</summary>
    public static readonly string Victim = $"victim-{Guid.NewGuid():N}@staraya-russa.test";

    /// <summary>A header injection into whatever mail the address ends up in.</summary>
    public static readonly string CrLf = $"hostile@staraya-russa.test\r\nBcc: {Victim}";

    /// <summary>Where a return URL might lead: non-ASCII, other sites in every spelling, script, very long.</summary>
    public static IReadOnlyList<string> ReturnUrls { get; } =
    [
        "/лечение",
        "/админ?x=ü#я",
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
        "/" + new string('a', 3000),
        "/%0d%0aSet-Cookie:hostile=1",
    ];

    /// <summary>Slugs an editor (or a visitor's address bar) might send.</summary>
    public static IReadOnlyList<string> Slugs { get; } =
    [
        "лечение-спины",
        new string('a', 2000),
        "a/../../b",
        "-",
        "\U0001F9D8",
    ];

    /// <summary>True when an answer carries the marker as markup rather than as escaped text.</summary>
    public static bool IsLive(string body) =>
        body.Contains("<script>" + Marker, StringComparison.OrdinalIgnoreCase)
        || body.Contains("<svg onload=" + Marker, StringComparison.OrdinalIgnoreCase);

    /// <summary>The attacks on one field, by what the form says about it.</summary>
    public static IEnumerable<FieldAttack> For(FormField field)
    {
        yield return field.Attack("script", Script);
        yield return field.Attack("sql and unicode", Sql + " " + Unicode);
        yield return field.Attack("nul", Nul);
        yield return field.MaxLength is { } max
            ? field.Attack("long", new string('x', max + 1), $"longer than its maxlength {max}")
            : field.Attack("long", new string('x', 100_001));

        if (field.IsEmail)
        {
            yield return field.Attack("crlf", CrLf, field.Type == "email" ? "not an e-mail address" : null);
            yield return field.Attack("crlf-encoded", $"hostile@staraya-russa.test%0d%0aBcc:{Victim}");
        }

        var name = field.Name.ToLowerInvariant();
        if (name.Contains("return"))
        {
            foreach (var url in ReturnUrls)
            {
                yield return field.Attack("return-url", url);
            }
        }

        if (name.Contains("slug"))
        {
            foreach (var slug in Slugs)
            {
                yield return field.Attack("slug", slug);
            }
        }

        switch (field.Type)
        {
            case "number":
                foreach (var number in new[] { "NaN", "99999999999", "1e5", "-1", "1.5", "Infinity" })
                {
                    yield return field.Attack("number", number, NumberRuleBroken(field, number));
                }

                break;
            case "date":
                foreach (var date in new[] { "9999-12-31", "0001-01-01", "2024-02-30", "-1" })
                {
                    yield return field.Attack("date", date, DateRuleBroken(field, date));
                }

                break;
        }

        if (field.Offered.Count > 0)
        {
            yield return field.Attack("not-offered", "Root");
        }
    }

    /// <summary>The HTML rule a number breaks: not a finite number, off the step (1 unless given or "any", counted from min), outside min or max.</summary>
    private static string? NumberRuleBroken(FormField field, string value) =>
        !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number) ? "not a number"
        : !OnStep(field, value) ? "not on its step"
        : OutsideMinMax(field, number, (string? text, out double bound) => double.TryParse(text, CultureInfo.InvariantCulture, out bound));

    private static bool OnStep(FormField field, string value)
    {
        if (field.Step == "any")
        {
            return true;
        }

        var step = decimal.TryParse(field.Step, NumberStyles.Float, CultureInfo.InvariantCulture, out var given) && given > 0 ? given : 1;
        var start = decimal.TryParse(field.Min, NumberStyles.Float, CultureInfo.InvariantCulture, out var min) ? min : 0;
        // Beyond decimal's range only whole numbers are on a step.
        return decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? (number - start) % step == 0
            : double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture) is var huge && huge == Math.Floor(huge);
    }

    private static string? DateRuleBroken(FormField field, string value) =>
        !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? "not a date"
        : OutsideMinMax(field, date, (string? text, out DateOnly bound) => DateOnly.TryParse(text, CultureInfo.InvariantCulture, out bound));

    private delegate bool Parser<T>(string? text, out T value);

    private static string? OutsideMinMax<T>(FormField field, T value, Parser<T> parse)
        where T : IComparable<T> =>
        parse(field.Min, out var min) && value.CompareTo(min) < 0 ? $"below its min {field.Min}"
        : parse(field.Max, out var max) && value.CompareTo(max) > 0 ? $"above its max {field.Max}"
        : null;
}

/// <summary>One value for one field; <paramref name="Breaks"/> names the declared rule it breaks, if any.</summary>
public sealed record FieldAttack(FormField Field, string Kind, string Value, string? Breaks)
{
    public override string ToString() => $"{Field.Name} ({Kind})";
}
