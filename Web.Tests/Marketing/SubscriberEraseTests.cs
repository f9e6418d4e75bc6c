using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Mail;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Subscribers;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Marketing;

/// <summary>Erasing a subscriber: after a confirmation, the address is in no table; a keyed hash stays on the suppression list.</summary>
public sealed class SubscriberEraseTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Erasing_leaves_the_address_in_no_table_and_its_keyed_hash_on_the_suppression_list()
    {
        const string address = "erase.me@erase.test";
        var id = await AddWithHistoryAsync(address);
        var admin = await site.LogInAsAdministratorAsync();

        var (confirmation, confirmationPage) = await admin.GetPageAsync($"/admin/marketing/subscribers/{id}/erase");
        var response = await admin.SubmitAsync(confirmationPage.Form(), []);
        var (_, list) = await admin.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.Contains(address, confirmationPage.GetElementById("erase-warning")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("Данные подписчика удалены", list.StatusMessage());
        Assert.False(await site.WithDbAsync(db => db.Subscribers.AnyAsync(s => s.Id == id)));
        Assert.False(await site.WithDbAsync(db => db.SubscriberEvents.AnyAsync(e => e.SubscriberId == id)));
        Assert.False(await site.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.SubscriberId == id)));
        var hash = await site.Services.GetRequiredService<SubscriberHasher>().HashAsync(address, CancellationToken.None);
        Assert.True(await site.WithDbAsync(db => db.SuppressedAddresses.AnyAsync(s => s.EmailHash == hash)));
        var audit = await site.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.SubscriberErased && e.Target == $"subscriber {id}"));
        Assert.Equal(SubscriberData.Administrator, audit.User);
        Assert.DoesNotContain("erase.me", audit.Details);
        Assert.Empty(await TablesContainingAsync("erase.me"));
    }

    [Fact]
    public async Task Two_erasures_at_once_erase_once_and_neither_fails()
    {
        var id = await AddWithHistoryAsync("twice@erase.test");
        var admin = await site.LogInAsAdministratorAsync();
        var (_, page) = await admin.GetPageAsync($"/admin/marketing/subscribers/{id}/erase");
        var form = page.Form();

        var responses = await Task.WhenAll(admin.SubmitAsync(form, []), admin.SubmitAsync(form, []), admin.SubmitAsync(form, []));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.NotFound, r.StatusCode.ToString()));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.SubscriberErased && e.Target == $"subscriber {id}")));
    }

    [Fact]
    public async Task Erasing_an_address_that_was_suppressed_before_keeps_one_suppression_row()
    {
        const string address = "again@erase.test";
        var hash = await site.Services.GetRequiredService<SubscriberHasher>().HashAsync(address, CancellationToken.None);
        await site.WithDbAsync(async db =>
        {
            db.SuppressedAddresses.Add(new SuppressedAddress(hash, SubscriberData.Monday));
            await db.SaveChangesAsync();
        });
        var id = await AddWithHistoryAsync(address);
        var admin = await site.LogInAsAdministratorAsync();

        var response = await admin.SubmitFormAsync($"/admin/marketing/subscribers/{id}/erase", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await site.WithDbAsync(db => db.SuppressedAddresses.CountAsync(s => s.EmailHash == hash)));
        Assert.False(await site.WithDbAsync(db => db.Subscribers.AnyAsync(s => s.Id == id)));
    }

    private async Task<long> AddWithHistoryAsync(string address)
    {
        var id = (await site.AddAsync(SubscriberData.New(address))).Single();
        await site.WithDbAsync(async db =>
        {
            db.SubscriberEvents.Add(new SubscriberEvent(id, SubscriberData.Monday, SubscriberEventKind.MailSent, "Welcome"));
            db.OutboxMessages.Add(new OutboxMessage(address, "Spring offer", Encoding.UTF8.GetBytes("To: " + address + "\r\n\r\nHello"), SubscriberData.Monday, id));
            await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>Every table of the database whose rows, written out as text (bytea as hex), contain <paramref name="text"/>.</summary>
    private async Task<List<string>> TablesContainingAsync(string text)
    {
        await using var connection = new NpgsqlConnection(site.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var found = new List<string>();
        foreach (var table in tables)
        {
            await using var search = new NpgsqlCommand($"""SELECT EXISTS (SELECT 1 FROM "{table}" t WHERE t::text ILIKE '%' || @text || '%')""", connection);
            search.Parameters.AddWithValue("text", text);
            if ((bool)(await search.ExecuteScalarAsync())!)
            {
                found.Add(table);
            }
        }

        return found;
    }
}
