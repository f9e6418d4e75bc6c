using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Sanatorium.Web.Tests.Infrastructure;

/// <summary>Forms as a browser submits them.</summary>
public static class Forms
{
    /// <summary>Submits a form as a browser would: its fields (antiforgery token included) with some values changed.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client,
        IHtmlFormElement form,
        Dictionary<string, string> values,
        IElement? submitButton = null,
        IReadOnlyDictionary<string, (byte[] Data, string FileName, string ContentType)>? files = null)
    {
        var fields = form.Fields(values, submitButton);
        var target = form.Target(submitButton);
        if (form.Enctype != "multipart/form-data")
        {
            return client.PostAsync(target, new FormUrlEncodedContent(fields));
        }

        var multipart = new MultipartFormDataContent();
        foreach (var (field, value) in fields)
        {
            multipart.Add(new StringContent(value), field);
        }

        foreach (var (field, file) in files ?? new Dictionary<string, (byte[], string, string)>())
        {
            var content = new ByteArrayContent(file.Data);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
            multipart.Add(content, field, file.FileName);
        }

        return client.PostAsync(target, multipart);
    }

    /// <summary>GETs a page and submits one of its forms (by default the first in main) with some values changed.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client,
        string path,
        Dictionary<string, string> values,
        string selector = "main form")
    {
        var (_, page) = await client.GetPageAsync(path);
        return await client.SubmitAsync(page.Form(selector), values);
    }

    /// <summary>
    /// What a browser sends for a form: its fields (antiforgery token included, unticked boxes and
    /// buttons left out) with <paramref name="values"/> in place of theirs, and the submit button's own name and value.
    /// </summary>
    public static List<KeyValuePair<string, string>> Fields(
        this IHtmlFormElement form,
        IReadOnlyDictionary<string, string> values,
        IElement? submitButton = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                case IHtmlInputElement { Type: "submit" }:
                case IHtmlButtonElement:
                    continue;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name, select.Value ?? ""));
                    break;
            }
        }

        fields.RemoveAll(f => values.ContainsKey(f.Key));
        fields.AddRange(values);
        if (submitButton?.GetAttribute("name") is { Length: > 0 } name)
        {
            fields.Add(new(name, submitButton.GetAttribute("value") ?? ""));
        }

        return fields;
    }

    /// <summary>Where a form is sent: the button's formaction, else the form's action, else the page itself.</summary>
    public static string Target(this IHtmlFormElement form, IElement? submitButton = null)
    {
        var action = submitButton?.GetAttribute("formaction") ?? form.GetAttribute("action");
        return string.IsNullOrEmpty(action) ? form.BaseUri : new Uri(new Uri(form.BaseUri!), action).ToString();
    }

    public static IHtmlFormElement Form(this IDocument page, string selector = "main form") =>
        page.QuerySelector<IHtmlFormElement>(selector)
        ?? throw new Xunit.Sdk.XunitException($"No form '{selector}' at {page.Url}:\n{page.Body?.TextContent.Trim()}");

    /// <summary>Ticks exactly the given checkboxes named <paramref name="name"/> (a browser sends only ticked ones).</summary>
    public static IHtmlFormElement Tick(this IHtmlFormElement form, string name, params string[] values)
    {
        foreach (var box in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "checkbox" && i.Name == name))
        {
            box.IsChecked = values.Contains(box.Value);
        }

        return form;
    }

    /// <summary>The text of the status message the layout shows after a redirect.</summary>
    public static string? StatusMessage(this IDocument page) => page.QuerySelector("[role=status]")?.TextContent.Trim();

    /// <summary>The error shown for a field, found the way a screen reader finds it: through the field's aria-describedby.</summary>
    public static string FieldError(this IDocument page, string fieldName)
    {
        var field = page.QuerySelector($"[name='{fieldName}']") ?? throw new Xunit.Sdk.XunitException($"No field {fieldName} at {page.Url}");
        var described = (field.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" ", described.Select(id => page.GetElementById(id)?.TextContent.Trim()).Where(t => !string.IsNullOrEmpty(t)));
    }
}
