using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Hostile;

/// <summary>
/// A field as its form declares it: the rules a browser would enforce, which the server must enforce
/// too (a hostile client is not a browser).
/// </summary>
public sealed record FormField(string Name, string Type, int? MaxLength, string? Min, string? Max, string? Step, IReadOnlyList<string> Offered)
{
    public bool IsEmail => Type == "email" || Name.Contains("email", StringComparison.OrdinalIgnoreCase);

    public FieldAttack Attack(string kind, string value, string? breaks = null) =>
        new(this, kind, value, breaks ?? (Offered.Count > 0 && !Offered.Contains(value) ? "not one of the values it offers" : null));
}

/// <summary>
/// A distinct form of the site, found on <paramref name="Page"/> by <paramref name="Audience"/>: one per
/// action, handler and set of fields, however many pages carry it (every public page has the same footer form).
/// </summary>
public sealed record FormTarget(string Key, string Page, Audience Audience, string Method, string Action, IReadOnlyList<FormField> Fields)
{
    public bool IsPost => Method == "POST";

    public IEnumerable<FormField> Attackable => Fields.Where(f => f.Type != "file" && f.Name != HostileForm.TokenField);

    /// <summary>The key without the fields: the same form when its fields vary with what it edits (a picture's "remove" box).</summary>
    public string ActionKey => Key[..Key.IndexOf(" [", StringComparison.Ordinal)];

    public override string ToString() => $"{Method} {Action} (on {Page} as {Audience})";
}

/// <summary>A form as a page shows it now: its current token and values, ready to be sent with something hostile in it.</summary>
public sealed partial class HostileForm
{
    public const string TokenField = "__RequestVerificationToken";

    private HostileForm(FormTarget target, Session session, IHtmlFormElement form, IElement? button, string? language)
    {
        Target = target;
        Session = session;
        Form = form;
        Button = button;
        Language = language;
    }

    public FormTarget Target { get; }

    public Session Session { get; }

    public IHtmlFormElement Form { get; }

    public IElement? Button { get; }

    /// <summary>The language of the page the form is on: an answer to it should speak the same.</summary>
    public string? Language { get; }

    public Uri Action => new(Form.Target(Button));

    public bool IsMultipart => Form.Enctype == "multipart/form-data";

    /// <summary>"POST /admin/content/pages/edit/3?handler=Save" and what was attacked, for a finding.</summary>
    public string Where(string what) => $"{Target.Method} {Findings.Shorten(Action.PathAndQuery)} {what}";

    /// <summary>
    /// GETs the form's page again (a fresh token and the current values) in a tab of its audience; when the
    /// form is gone because an earlier attack ended the session or deleted, locked or demoted the member of
    /// staff it is about, once more after both are restored. Null when it is gone for good.
    /// </summary>
    public static async Task<HostileForm?> OpenAsync(HostileSite site, FormTarget target, Findings findings)
    {
        var session = await site.SessionAsync(target.Audience);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var answer = await findings.SendAsync(session.Client, new HttpRequestMessage(HttpMethod.Get, target.Page), $"GET {target.Page} to open its form");
            var page = await BrowsingContext.New(Configuration.Default)
                .OpenAsync(request => request.Content(answer.Body).Address(new Uri(session.Client.BaseAddress!, target.Page)));
            var forms = On(page).ToList();
            foreach (var found in forms.Where(f => f.Target.Key == target.Key).Concat(forms.Where(f => f.Target.ActionKey == target.ActionKey)).Take(1))
            {
                return new HostileForm(found.Target with { Page = target.Page, Audience = target.Audience }, session, found.Form, found.Button,
                    page.DocumentElement.GetAttribute("lang"));
            }

            await site.RestoreBystanderAsync();
            session = await site.RenewAsync(target.Audience);
        }

        findings.Note($"{target}: no longer on its page, not attacked");
        return null;
    }

    /// <summary>The site's own pages the form's page links to in its main part (on an edit page: preview, history, the public page).</summary>
    public IReadOnlyList<string> Links() =>
        Form.Owner!.QuerySelectorAll("main a[href]")
            .Select(a => a.GetAttribute("href")!)
            .Where(href => href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
            .Distinct()
            .ToList();

    /// <summary>Every distinct form on a page: one per form and submit button with an action of its own.</summary>
    public static IEnumerable<(FormTarget Target, IHtmlFormElement Form, IElement? Button)> On(IDocument page)
    {
        foreach (var form in page.Forms)
        {
            var buttons = form.Elements.Where(IsSubmitButton).ToList();
            var variants = buttons.Count == 0
                ? [null]
                : buttons.DistinctBy(b => b.GetAttribute("formaction")).Cast<IElement?>().ToList();
            foreach (var button in variants)
            {
                var method = (button?.GetAttribute("formmethod") ?? form.Method ?? "get").ToUpperInvariant();
                var fields = FieldsOf(form);
                var action = new Uri(form.Target(button));
                var key = $"{method} {Shape(action)} [{string.Join(",", fields.Select(f => f.Name).Order(StringComparer.Ordinal))}]";
                yield return (new FormTarget(key, new Uri(page.Url).PathAndQuery, Audience.Visitor, method, action.PathAndQuery, fields), form, button);
            }
        }
    }

    /// <summary>
    /// A path with its numbers and GUIDs as {n}, its query but the page handler dropped: two pages of
    /// the same kind have the same shape (/admin/content/pages/edit/{n}?handler=Save).
    /// </summary>
    public static string Shape(Uri url)
    {
        var path = string.Join("/", url.AbsolutePath.ToLowerInvariant().Split('/').Select(s => Identifier().IsMatch(s) ? "{n}" : s));
        var handler = Handler().Match(url.Query);
        return handler.Success ? $"{path}?handler={handler.Groups[1].Value.ToLowerInvariant()}" : path;
    }

    /// <summary>
    /// What a browser would send with <paramref name="values"/> typed in, the other fields as the page
    /// filled them or, when empty, with a plausible value (a new e-mail address, the staff password, today):
    /// so that each attack is refused, if at all, for the field attacked.
    /// </summary>
    public List<KeyValuePair<string, string>> Values(IReadOnlyDictionary<string, string>? values = null)
    {
        values ??= new Dictionary<string, string>();
        var button = Button?.GetAttribute("name") is { } buttonName && values.ContainsKey(buttonName) ? null : Button;
        var fields = Form.Fields(values, button);
        for (var i = 0; i < fields.Count; i++)
        {
            var (name, value) = fields[i];
            if (value.Length == 0 && !values.ContainsKey(name) && Target.Fields.FirstOrDefault(f => f.Name == name) is { } field)
            {
                fields[i] = new(name, Plausible(field));
            }
        }

        return fields;
    }

    /// <summary>The form sent with these fields, the way its method and enctype say.</summary>
    public HttpRequestMessage Request(IEnumerable<KeyValuePair<string, string>> fields)
    {
        if (!Target.IsPost)
        {
            var query = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
            return new HttpRequestMessage(HttpMethod.Get, new UriBuilder(Action) { Query = query }.Uri);
        }

        HttpContent content;
        if (IsMultipart)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                multipart.Add(new StringContent(value), name);
            }

            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(fields);
        }

        return Request(content);
    }

    /// <summary>A POST of any body to the form's action.</summary>
    public HttpRequestMessage Request(HttpContent content) => new(HttpMethod.Post, Action) { Content = content };

    /// <summary>The form's fields as an application/x-www-form-urlencoded body, as bytes to be tampered with.</summary>
    public static byte[] Encoded(IEnumerable<KeyValuePair<string, string>> fields) =>
        Encoding.ASCII.GetBytes(string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));

    private static string Plausible(FormField field) => field switch
    {
        { IsEmail: true } => $"hostile-{Guid.NewGuid():N}@staraya-russa.test",
        { Type: "password" } => Staff.Password,
        { Type: "date" } => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        { Type: "number" } => "1",
        _ => "",
    };

    private static bool IsSubmitButton(IElement element) => element switch
    {
        IHtmlButtonElement button => button.Type is "submit" or "" or null,
        IHtmlInputElement input => input.Type is "submit" or "image",
        _ => false,
    };

    private static List<FormField> FieldsOf(IHtmlFormElement form)
    {
        var fields = new List<FormField>();
        foreach (var group in form.Elements.Where(e => e.GetAttribute("name") is { Length: > 0 }).GroupBy(e => e.GetAttribute("name")!))
        {
            var first = group.First();
            var type = first switch
            {
                IHtmlTextAreaElement => "textarea",
                IHtmlSelectElement => "select",
                IHtmlButtonElement => "button",
                IHtmlInputElement input => input.Type,
                _ => first.LocalName,
            };
            var offered = type switch
            {
                "select" => ((IHtmlSelectElement)first).Options.Select(o => o.Value).ToList(),
                "checkbox" or "radio" or "button" or "submit" => group.Select(e => e.GetAttribute("value") ?? "on").ToList(),
                _ => [],
            };
            fields.Add(new FormField(
                group.Key,
                type,
                int.TryParse(first.GetAttribute("maxlength"), out var max) ? max : null,
                first.GetAttribute("min"),
                first.GetAttribute("max"),
                first.GetAttribute("step"),
                offered));
        }

        return fields;
    }

    [GeneratedRegex(@"^(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"[?&]handler=([^&]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Handler();
}
