using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Core.Enquiries;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Site;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Enquiries;

/// <summary>The enquiry form as a visitor's browser sends it, the contact details the back office sets, and what the site stored.</summary>
internal static class Enquiring
{
    /// <summary>A stay a month ahead, for a week: dates the form accepts whenever the test runs.</summary>
    public static readonly DateOnly Arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

    public static readonly DateOnly Departure = Arrival.AddDays(7);

    /// <summary>
    /// Opens the form at <paramref name="path"/> and sends it with valid values (consent ticked) changed by
    /// <paramref name="values"/>, the form as Referer, as a browser does.
    /// </summary>
    public static async Task<HttpResponseMessage> EnquireAsync(
        this HttpClient client,
        string path,
        Dictionary<string, string>? values = null,
        Action<HttpRequestMessage>? adjust = null)
    {
        var (_, document) = await client.GetPageAsync(path);
        var form = document.Form("form.enquiry-form");
        form.Tick("Input.Consent", "true");
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Анна Петрова",
            ["Input.Phone"] = "+7 912 345-67-89",
            ["Input.Arrival"] = Arrival.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Departure"] = Departure.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Guests"] = "2",
            ["Input.Message"] = "Хотим приехать на лечение спины.",
        };
        foreach (var (name, value) in values ?? [])
        {
            fields[name] = value;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, form.Target())
        {
            Content = new FormUrlEncodedContent(form.Fields(fields)),
        };
        request.Headers.Referrer = new Uri(client.BaseAddress!, path);
        adjust?.Invoke(request);
        return await client.SendAsync(request);
    }

    public static Task<Enquiry?> EnquiryFromAsync(this SiteFactory site, string name) =>
        site.WithDbAsync(db => db.Enquiries.AsNoTracking().OrderBy(e => e.Id).LastOrDefaultAsync(e => e.Name == name));

    public static Task<int> EnquiryCountAsync(this SiteFactory site) => site.WithDbAsync(db => db.Enquiries.CountAsync());

    /// <summary>Sets the contact details as the back office stores them, and makes every page show them at once.</summary>
    public static async Task SetContactsAsync(this SiteFactory site, Action<ContactDetails> change)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SanatoriumDbContext>();
        change(await db.ContactDetails.SingleAsync());
        await db.SaveChangesAsync();
        await site.ForgetCachedPagesAsync();
    }

    /// <summary>An enquiry stored directly, received <paramref name="daysAgo"/> days ago.</summary>
    public static async Task<long> AddEnquiryAsync(this SiteFactory site, string name, int daysAgo = 0, EnquiryStatus status = EnquiryStatus.New, string? email = null, string? phone = "+7 900 000-00-00")
    {
        var at = DateTimeOffset.UtcNow.AddDays(-daysAgo);
        var enquiry = new Enquiry(at, Language.Ru)
        {
            Name = name,
            Email = email,
            Phone = phone,
            Message = "Сообщение " + name,
            Notes = "Заметка " + name,
            Guests = 2,
            Status = status,
            ConsentAt = at,
            ConsentSource = "/enquiry",
            ConsentIpHash = [1, 2, 3],
        };
        await site.WithDbAsync(db =>
        {
            db.Enquiries.Add(enquiry);
            return db.SaveChangesAsync();
        });
        return enquiry.Id;
    }
}
