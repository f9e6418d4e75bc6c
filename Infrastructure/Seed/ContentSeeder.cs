using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Infrastructure.Seed;

/// <summary>
/// Adds the seed content that is missing, found by its key. Content that is already there is left
/// as it is, so running it again changes nothing and never undoes an editor's work.
/// </summary>
public sealed class ContentSeeder(SanatoriumDbContext db, TimeProvider time)
{
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

        if (!await db.Treatments.AnyAsync(t => t.Key == SeedContent.LumbarPainSyndromeKey, cancellationToken))
        {
            var treatment = SeedContent.LumbarPainSyndrome(profile);
            treatment.PublishAll(now);
            db.Treatments.Add(treatment);
        }

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
}
