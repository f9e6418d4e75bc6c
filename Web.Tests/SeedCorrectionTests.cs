using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Infrastructure.Seed;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests;

/// <summary>
/// The seed treatment's corrections of the client's page (docs/decisions/0027): a revision of their own
/// that the client can read and undo, made in a database seeded before them only while nobody has
/// edited the treatment.
/// </summary>
public sealed class SeedCorrectionTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task The_history_shows_the_clients_text_and_the_corrections_and_the_client_can_restore_the_original()
    {
        var editor = await site.LogInAsync(await site.CreateAsync("corrections@staraya-russa.test", Roles.Editor));
        var id = await site.WithDbAsync(db => db.Treatments.Where(t => t.Key == "lumbar-pain-syndrome").Select(t => t.Id).SingleAsync());
        var history = $"/admin/content/treatments/{id}/history";

        var (_, page) = await editor.GetPageAsync(history + "?show=2");

        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Contains(rows, r => r[0] == "2" && r[2] == "seed");
        Assert.Contains(rows, r => r[0] == "1" && r[2] == "seed");
        var removed = string.Join("\n", page.QuerySelectorAll(".diff del").Select(d => d.TextContent));
        var added = string.Join("\n", page.QuerySelectorAll(".diff ins").Select(d => d.TextContent));
        Assert.Contains("parotid muscles", removed);
        Assert.Contains("paravertebral muscles", added);
        Assert.Contains("secondary sinuses", removed);
        Assert.Contains("secondary synovitis", added);
        Assert.Contains("Люмбоишалгия – боль в поиснице", removed);
        Assert.Contains("Люмбоишиалгия – боль в пояснице", added);

        var restore = page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.QuerySelector("input[name=number]")?.GetAttribute("value") == "1");
        await editor.SubmitAsync(restore, []);
        var (_, form) = await editor.GetPageAsync($"/admin/content/treatments/edit/{id}");
        Assert.Contains("parotid muscles", form.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Fields[en-Results]']")!.Value);
    }

    [Fact]
    public async Task A_database_seeded_before_gets_the_corrections_once_and_never_over_an_editors_text()
    {
        // What earlier seeds published: the slips, and procedures the client's page does not list; never edited.
        var id = await site.WithDbAsync(async db =>
        {
            var treatment = await db.Treatments.Include(t => t.Translations).SingleAsync(t => t.Key == "lumbar-pain-syndrome");
            await db.ContentRevisions.Where(r => r.Kind == ContentKind.Treatment && r.EntityId == treatment.Id).ExecuteDeleteAsync();
            var english = treatment.Find(Language.En)!;
            english.Results = "Thanks to physiotherapy, the tension of the parotid muscles is reduced.";
            english.Procedures = "- Mud applications with the resort's silt-sulphide mud.";
            treatment.Find(Language.Ru)!.Procedures = "- Грязевые аппликации иловой сульфидной грязью курорта.";
            await db.SaveChangesAsync();
            return treatment.Id;
        });

        await SeedAsync();

        var (_, page) = await site.CreateVisitor().GetPageAsync("/en/treatments/lumbar-pain-syndrome");
        Assert.Contains("paravertebral muscles", page.QuerySelector("main")!.TextContent);
        Assert.Null(page.QuerySelector("#procedures"));
        Assert.Null((await site.CreateVisitor().GetPageAsync("/treatments/poyasnichnyy-bolevoy-sindrom")).Document.QuerySelector("#procedures"));
        var revisions = await site.WithDbAsync(db => db.ContentRevisions
            .Where(r => r.Kind == ContentKind.Treatment && r.EntityId == id).OrderBy(r => r.Number).ToListAsync());
        Assert.Equal([(1, "seed"), (2, "seed")], revisions.Select(r => (r.Number, r.Author)));
        Assert.Contains("parotid muscles", revisions[0].Draft.Fields(Language.En)[ContentFields.Results]);
        Assert.Contains("Mud applications", revisions[0].Draft.Fields(Language.En)[ContentFields.Procedures]);
        Assert.Equal("", revisions[1].Draft.Fields(Language.Ru)[ContentFields.Procedures]);

        // An editor publishes the old wording on purpose: starting again leaves it.
        await site.WithDbAsync(async db =>
        {
            var treatment = await db.Treatments.Include(t => t.Translations).SingleAsync(t => t.Id == id);
            treatment.Find(Language.En)!.Results = "The tension of the parotid muscles is reduced.";
            db.ContentRevisions.Add(new ContentRevision(ContentKind.Treatment, id, 3, DateTimeOffset.UtcNow, "editor@staraya-russa.test", treatment.ToDraft()));
            await db.SaveChangesAsync();
        });

        await SeedAsync();

        Assert.Equal(
            "The tension of the parotid muscles is reduced.",
            await site.WithDbAsync(db => db.TreatmentTranslations.Where(t => t.Language == Language.En).Select(t => t.Results).SingleAsync()));
        Assert.Equal(3, await site.WithDbAsync(db => db.ContentRevisions.CountAsync(r => r.Kind == ContentKind.Treatment && r.EntityId == id)));
    }

    private async Task SeedAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(CancellationToken.None);
    }
}
