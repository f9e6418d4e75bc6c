using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Infrastructure.Identity;

namespace Sanatorium.Web.Tests.Infrastructure;

/// <summary>Members of staff for back office tests: created in the database, logged in through the real login form.</summary>
public static class Staff
{
    public const string Password = "Staff-Password-42";

    public static async Task<string> CreateAsync(this SiteFactory site, string email, params string[] roles)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        }

        return email;
    }

    public static Task<string> IdOfAsync(this SiteFactory site, string email) =>
        site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>A browser-like client (cookies kept, redirects not followed) logged in as <paramref name="email"/>.</summary>
    public static async Task<HttpClient> LogInAsync(this SiteFactory site, string email, string password = Password)
    {
        var client = site.CreateVisitor();
        var response = await client.SubmitLoginAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> SubmitLoginAsync(
        this HttpClient client,
        string email,
        string password,
        string path = "/admin/account/login")
    {
        var (_, page) = await client.GetPageAsync(path);
        return await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("main form")!, new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

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
}
