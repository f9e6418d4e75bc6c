using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Content;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Scheduling;

/// <summary>Two instances of the site on one database, both with a scheduled publisher: each schedule is published once, and is live on both.</summary>
public sealed class ScheduledInstancesTests
{
    private const int Pages = 8;

    private const string Editor = "instances@staraya-russa.test";

    private static readonly Dictionary<string, string?> Settings = new() { ["Scheduling:PollInterval"] = "00:00:00.1" };

    [Fact]
    public async Task Two_instances_publish_every_due_schedule_exactly_once()
    {
        var first = new InstanceSite(settings: Settings);
        await first.InitializeAsync();
        var second = new InstanceSite(first.ConnectionString, Settings);
        await second.InitializeAsync();
        try
        {
            var drafts = new List<ContentRevision>();
            for (var i = 0; i < Pages; i++)
            {
                drafts.Add(await SaveNewPageAsync(first, $"instances-{i}"));
            }

            // All due at one moment, for both instances to reach for them together.
            var at = DateTimeOffset.UtcNow.AddSeconds(5);
            await using (var scope = first.Services.CreateAsyncScope())
            {
                foreach (var draft in drafts)
                {
                    Assert.Equal(ScheduleOutcome.Scheduled, await scope.ServiceProvider.GetRequiredService<ContentSchedule>()
                        .ScheduleAsync(ContentKind.InfoPage, draft.EntityId, draft.Number, at, Editor, CancellationToken.None));
                }
            }

            await Eventually.HoldsAsync(
                async () => await first.WithDbAsync(db => db.ScheduledPublications.CountAsync()) == 0,
                "every schedule to be published");

            var published = await first.WithDbAsync(db => db.AuditEntries
                .Where(e => e.Action == "content.published" && e.Target.Contains("instances-"))
                .GroupBy(e => e.Target)
                .Select(g => g.Count())
                .ToListAsync());
            Assert.Equal(Enumerable.Repeat(1, Pages), published);
            Assert.False(await first.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "content.schedule-failed")));
            for (var i = 0; i < Pages; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await second.CreateVisitor().GetAsync($"/info/instances-{i}")).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await first.CreateVisitor().GetAsync($"/info/instances-{i}")).StatusCode);
            }
        }
        finally
        {
            await second.StopAsync();
            await first.DropDatabaseAsync();
        }
    }

    /// <summary>A new information page saved as a draft through the service the editor's page uses.</summary>
    private static async Task<ContentRevision> SaveNewPageAsync(SiteFactory site, string slug)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var draft = new Draft { Languages = { [Language.Ru] = new() { [ContentFields.Title] = slug, [ContentFields.Slug] = slug } } };
        var saved = await scope.ServiceProvider.GetRequiredService<ContentEditor>()
            .SaveAsync(ContentKind.InfoPage, null, new DraftSubmission(draft, 0), Editor, CancellationToken.None);
        return saved.Revision!;
    }
}
