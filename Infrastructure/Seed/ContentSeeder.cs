using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Infrastructure.Seed;

/// <summary>
/// Adds the seed content that is missing, found by its key. Content that is already there is left
/// as it is, so running it again changes nothing and never undoes an editor's work; the one exception
/// is the seed treatment's corrections, made once, and only while nobody has edited it.
/// </summary>
public sealed class ContentSeeder(SanatoriumDbContext db, TimeProvider time)
{
    /// <summary>Who the history names for the seed's own revisions.</summary>
    public const string Author = "seed";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();

        var profile = await db.Profiles
            .SingleOrDefaultAsync(p => p.Key == SeedContent.MusculoskeletalKey, cancellationToken);
        if (profile is null)
        {
            profile = SeedContent.Musculoskeletal();
            profile.PublishAll(now);
            db.Profiles.Add(profile);
        }

        var treatment = await db.Treatments.Include(t => t.Translations)
            .SingleOrDefaultAsync(t => t.Key == SeedContent.LumbarPainSyndromeKey, cancellationToken);
        if (treatment is null)
        {
            treatment = SeedContent.LumbarPainSyndrome(profile);
            treatment.PublishAll(now);
            db.Treatments.Add(treatment);
            // Stored now, for its revisions to name its id.
            await db.SaveChangesAsync(cancellationToken);
        }

        await CorrectAsync(treatment, now, cancellationToken);

        if (!await db.InfoPages.AnyAsync(p => p.Key == InfoPage.GeneralContraindications, cancellationToken))
        {
            var page = SeedContent.GeneralContraindications();
            page.PublishAll(now);
            db.InfoPages.Add(page);
        }

        // Added to a database seeded before they existed too: the seeder runs at every start.
        await LegalSeed.SeedAsync(db, now, cancellationToken);

        if (!await db.ContactDetails.AnyAsync(cancellationToken))
        {
            db.ContactDetails.Add(SeedContent.Contacts());
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Corrects the seed treatment (<see cref="TreatmentCorrections"/>) while nobody has edited it: what
    /// visitors saw becomes revision 1 and the corrected text revision 2, both by <see cref="Author"/>,
    /// and the corrected text is what visitors see, each language published or not as before. Once the
    /// treatment has revisions (these, or an editor's), its text is the editors' (docs/decisions/0027).
    /// </summary>
    private async Task CorrectAsync(Treatment treatment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.ContentRevisions.AnyAsync(r => r.Kind == ContentKind.Treatment && r.EntityId == treatment.Id, cancellationToken))
        {
            return;
        }

        var published = treatment.ToDraft();
        var corrected = TreatmentCorrections.Apply(published);
        if (corrected.SameAs(published))
        {
            return;
        }

        db.ContentRevisions.Add(new ContentRevision(ContentKind.Treatment, treatment.Id, 1, now, Author, published));
        db.ContentRevisions.Add(new ContentRevision(ContentKind.Treatment, treatment.Id, 2, now, Author, corrected));
        foreach (var translation in treatment.Translations)
        {
            translation.WriteFields(corrected.Fields(translation.Language));
        }
    }
}
