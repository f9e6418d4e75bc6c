using System.Diagnostics.CodeAnalysis;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Caching;
using Sanatorium.Infrastructure.Content;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Caching;

/// <summary>
/// Two instances of the site on one database, each with its own output cache: what is published on one
/// shows on the other within a second (NOTIFY site_changes, LISTENed to by every instance), and an instance
/// whose listening connection dropped empties its cache when it listens again.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes the sites through IAsyncLifetime.DisposeAsync.")]
public sealed class CacheAcrossInstancesTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Scheduling:PollInterval"] = "00:00:00.1" };

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly InstanceSite first = new(settings: Settings);

    private InstanceSite second = null!;

    public async Task InitializeAsync()
    {
        await first.InitializeAsync();
        second = new InstanceSite(first.ConnectionString, Settings);
        await second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await second.StopAsync();
        await first.DropDatabaseAsync();
    }

    [Fact]
    public async Task An_edit_published_on_one_instance_shows_on_the_other_within_a_second()
    {
        await CachedOnSecondAsync(Cached.Treatment);
        var editor = await first.LogInAsync("admin@staraya-russa.test", "Correct-Horse-42");
        var (_, list) = await editor.GetPageAsync("/admin/content/treatments");
        var edit = list.QuerySelector("tbody a")!.GetAttribute("href")!;
        var (_, page) = await editor.GetPageAsync(edit);

        await editor.SubmitAsync(
            page.QuerySelector<IHtmlFormElement>("form.editor")!,
            new() { ["Input.Fields[en-Results]"] = "Published on the first instance." },
            page.QuerySelector("button[formaction*=Publish]"));

        await Eventually.HoldsAsync(
            async () => (await second.CreateVisitor().GetStringAsync(Cached.Treatment)).Contains("Published on the first instance.", StringComparison.Ordinal),
            "the second instance to show what the first published",
            Second);
    }

    [Fact]
    public async Task A_scheduled_publication_shows_on_both_instances()
    {
        const string path = "/en/profiles/musculoskeletal-system";
        await CachedOnSecondAsync(path);
        await first.CreateVisitor().GetAsync(path);
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
            var id = await first.WithDbAsync(db => db.ProfileTranslations.Where(t => t.Slug == "musculoskeletal-system").Select(t => t.ProfileId).SingleAsync());
            var draft = (await editor.FindAsync(ContentKind.Profile, id, CancellationToken.None))!.ToDraft();
            draft.Languages[Language.En][ContentFields.Title] = "Scheduled title";
            var latest = await editor.LatestAsync(ContentKind.Profile, id, CancellationToken.None);
            var saved = await editor.SaveAsync(ContentKind.Profile, id, new DraftSubmission(draft, latest?.Number ?? 0), "cache@staraya-russa.test", CancellationToken.None);
            Assert.Equal(ScheduleOutcome.Scheduled, await scope.ServiceProvider.GetRequiredService<ContentSchedule>()
                .ScheduleAsync(ContentKind.Profile, id, saved.Revision!.Number, DateTimeOffset.UtcNow.AddSeconds(1), "cache@staraya-russa.test", CancellationToken.None));
        }

        foreach (var instance in new[] { first, second })
        {
            await Eventually.HoldsAsync(
                async () => (await instance.CreateVisitor().GetStringAsync(path)).Contains("Scheduled title", StringComparison.Ordinal),
                "the scheduled title on both instances",
                TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public async Task After_its_listening_connection_drops_an_instance_forgets_its_pages_when_it_listens_again()
    {
        await CachedOnSecondAsync(Cached.Treatment);
        await Cached.RetitleAsync(first.ConnectionString, "Missed");
        Assert.DoesNotContain("Missed", await second.CreateVisitor().GetStringAsync(Cached.Treatment), StringComparison.Ordinal);

        // As when the database restarts or the network drops: a NOTIFY sent meanwhile would be lost.
        await Cached.StraightInDatabaseAsync(first.ConnectionString, $"""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = '{SiteChangeListener.ApplicationName}'
            """);

        await Eventually.HoldsAsync(
            async () => (await second.CreateVisitor().GetStringAsync(Cached.Treatment)).Contains("Missed", StringComparison.Ordinal),
            "the second instance to forget its copy once it listens again",
            TimeSpan.FromSeconds(10));
    }

    /// <summary>Shows the page on the second instance until its copy comes from the cache.</summary>
    private async Task CachedOnSecondAsync(string path)
    {
        await second.CreateVisitor().GetAsync(path);
        Assert.True((await second.CreateVisitor().GetAsync(path)).FromCache());
    }
}
