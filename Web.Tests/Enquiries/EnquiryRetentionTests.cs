using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sanatorium.Core.Audit;
using Sanatorium.Infrastructure.Enquiries;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Enquiries;

/// <summary>The personal data of enquiries older than <c>Enquiries:RetentionDays</c> is erased by the site itself, once, however many instances run.</summary>
public sealed class EnquiryRetentionTests(EnquiryRetentionTests.SiteWithShortRetention site) : IClassFixture<EnquiryRetentionTests.SiteWithShortRetention>
{
    /// <summary>Thirty days' retention, looked at every fifth of a second.</summary>
    public sealed class SiteWithShortRetention : SiteFactory
    {
        protected override IDictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Enquiries:RetentionDays"] = "30";
            settings["Enquiries:RetentionCheckInterval"] = "00:00:00.2";
            return settings;
        }
    }

    [Fact]
    public async Task An_enquiry_past_the_period_loses_name_phone_e_mail_message_and_notes_a_recent_one_keeps_them()
    {
        var old = await site.AddEnquiryAsync("Давний гость", daysAgo: 31, email: "old@example.org");
        var recent = await site.AddEnquiryAsync("Недавний гость", daysAgo: 29, email: "recent@example.org");

        await Eventually.HoldsAsync(() => site.WithDbAsync(db => db.Enquiries.AnyAsync(e => e.Id == old && e.ErasedAt != null)), "the old enquiry erased");

        var erased = await site.WithDbAsync(db => db.Enquiries.AsNoTracking().SingleAsync(e => e.Id == old));
        Assert.Equal(("", null, null, "", "", null), (erased.Name, erased.Phone, erased.Email, erased.Message, erased.Notes, erased.ConsentIpHash));
        Assert.Equal(2, erased.Guests);
        var kept = await site.WithDbAsync(db => db.Enquiries.AsNoTracking().SingleAsync(e => e.Id == recent));
        Assert.Equal(("Недавний гость", "recent@example.org", "Сообщение Недавний гость"), (kept.Name, kept.Email, kept.Message));
        Assert.Null(kept.ErasedAt);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.EnquiriesErased && a.Details.Contains("#" + old))));

        var client = await site.LogInAsync(await site.CreateAsync(MailDev.NewAddress("retention"), Roles.Administrator));
        var (response, page) = await client.GetPageAsync($"/admin/enquiries/{old}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("old@example.org", page.Body!.TextContent);
        Assert.Contains("Персональные данные этого запроса удалены", page.QuerySelector("main .notice")?.TextContent);
    }

    [Fact]
    public async Task Several_instances_erasing_at_once_erase_each_enquiry_once()
    {
        var ids = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await site.AddEnquiryAsync($"Очередь {i}", daysAgo: 40));
        }

        var retention = site.Services.GetServices<IHostedService>().OfType<EnquiryRetention>().Single();
        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => retention.EraseExpiredAsync(CancellationToken.None)));

        Assert.True(await site.WithDbAsync(db => db.Enquiries.Where(e => ids.Contains(e.Id)).AllAsync(e => e.ErasedAt != null && e.Name == "")));
        var audited = await site.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.EnquiriesErased).Select(a => a.Details).ToListAsync());
        Assert.All(ids, id => Assert.Single(audited.SelectMany(d => d.Split(", ")), d => d == "#" + id));
        Assert.True(counts.Sum() <= ids.Count);
    }
}
