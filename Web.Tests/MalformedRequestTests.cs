using System.Net;
using AngleSharp.Dom;
using System.Text;
using AngleSharp.Html.Dom;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>
/// A request the site will not take gets a page that says why, in the visitor's language: 413 for a
/// form or upload over the limits, 400 for a NUL character (PostgreSQL cannot store one) or a form
/// without its token. Served by Kestrel, whose request body limit the in-memory test server lacks.
/// </summary>
public sealed class MalformedRequestTests(KestrelSite site) : IClassFixture<KestrelSite>
{
    private const string TooLargeRu = "Слишком большой объём данных";
    private const string TooLargeEn = "Too much data";
    private const string RefusedRu = "Запрос не принят";
    private const string RefusedEn = "Request not accepted";

    [Theory]
    [InlineData("/accessibility", "header form", TooLargeRu)]
    [InlineData("/en/accessibility", "header form", TooLargeEn)]
    [InlineData("/admin/account/login", "main form", TooLargeRu)]
    public async Task A_form_value_over_4_MiB_answers_413_in_the_visitors_language(string path, string selector, string heading)
    {
        var (visitor, fields) = await FormAsync(path, selector);
        fields.Add(new("long", new string('a', 4 * 1024 * 1024 + 1)));

        var response = await visitor.PostAsync(path, new FormUrlEncodedContent(fields));

        await AssertPageAsync(response, HttpStatusCode.RequestEntityTooLarge, heading);
    }

    [Fact]
    public async Task More_than_1024_form_fields_answer_413()
    {
        var (visitor, fields) = await FormAsync("/en/accessibility", "header form");
        fields.AddRange(Enumerable.Range(0, 1100).Select(i => new KeyValuePair<string, string>("field" + i, "x")));

        var response = await visitor.PostAsync("/en/accessibility", new FormUrlEncodedContent(fields));

        await AssertPageAsync(response, HttpStatusCode.RequestEntityTooLarge, TooLargeEn);
    }

    [Fact]
    public async Task An_upload_over_the_request_limit_answers_413_in_the_back_office_language()
    {
        var visitor = site.CreateVisitor();
        var (_, login) = await visitor.GetPageAsync("/admin/account/login");
        const string language = "form[action='/admin/account/language']";
        await visitor.SubmitAsync(login.Form(language), [], login.QuerySelector(language + " button"));
        var (_, fields) = await FormAsync("/admin/account/login", "main form", visitor);
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(new byte[30_000_000]), "upload", "big.png");
        // As curl does for a large body: the server refuses before 30 MB are sent into a connection it closes.
        var request = new HttpRequestMessage(HttpMethod.Post, "/admin/account/login") { Content = form };
        request.Headers.ExpectContinue = true;

        var response = await visitor.SendAsync(request);

        await AssertPageAsync(response, HttpStatusCode.RequestEntityTooLarge, TooLargeEn);
    }

    [Fact]
    public async Task A_NUL_character_in_a_form_value_answers_400_whatever_the_encoding()
    {
        var (visitor, fields) = await FormAsync("/accessibility", "header form");
        var encoded = string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(new("note", "a\0b")))
        {
            multipart.Add(new StringContent(value), name);
        }

        foreach (var content in new HttpContent[]
        {
            new StringContent(encoded + "&note=a%00b", Encoding.UTF8, "application/x-www-form-urlencoded"),
            new StringContent(encoded + "&note=a\0b", Encoding.UTF8, "application/x-www-form-urlencoded"),
            new StringContent(encoded + "&no%00te=ab", Encoding.UTF8, "application/x-www-form-urlencoded"),
            multipart,
        })
        {
            await AssertPageAsync(await visitor.PostAsync("/accessibility", content), HttpStatusCode.BadRequest, RefusedRu);
        }
    }

    [Theory]
    [InlineData("/?q=%00", RefusedRu)]
    [InlineData("/en/treatments/lumbar-pain-syndrome?q%00=1", RefusedEn)]
    [InlineData("/admin/account/resetpassword?user=%00&code=x", RefusedRu)]
    public async Task A_NUL_character_in_the_query_string_answers_400(string path, string heading)
    {
        await AssertPageAsync(await site.CreateVisitor().GetAsync(path), HttpStatusCode.BadRequest, heading);
    }

    [Fact]
    public async Task A_form_without_its_token_answers_400_with_a_page_that_says_why()
    {
        // The back office's forms carry a token; the public ones do not, so that their pages can be cached (decision 0029).
        var response = await site.CreateVisitor().PostAsync("/admin/account/login", new FormUrlEncodedContent([new("Input.Email", "a@b.c")]));

        await AssertPageAsync(response, HttpStatusCode.BadRequest, RefusedRu);
    }

    /// <summary>A new visitor who has opened <paramref name="path"/>, and the fields of the form there (its token included).</summary>
    private async Task<(HttpClient Visitor, List<KeyValuePair<string, string>> Fields)> FormAsync(string path, string selector, HttpClient? visitor = null)
    {
        visitor ??= site.CreateVisitor();
        var (_, page) = await visitor.GetPageAsync(path);
        var fields = page.QuerySelector<IHtmlFormElement>(selector)!.Elements.OfType<IHtmlInputElement>()
            .Select(input => new KeyValuePair<string, string>(input.Name!, input.Value))
            .ToList();
        return (visitor, fields);
    }

    private static async Task AssertPageAsync(HttpResponseMessage response, HttpStatusCode status, string heading)
    {
        var page = await response.ParseAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(heading, page.QuerySelector("h1")?.TextContent.Trim());
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }
}
