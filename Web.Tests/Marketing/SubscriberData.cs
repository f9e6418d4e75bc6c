using Sanatorium.Core;
using Sanatorium.Core.Subscribers;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Marketing;

/// <summary>Subscribers written straight into a test's database, as the form or an import would leave them.</summary>
public static class SubscriberData
{
    public const string Administrator = "admin@staraya-russa.test";

    public const string AdministratorPassword = "Correct-Horse-42";

    public static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static Subscriber New(
        string email,
        SubscriberStatus status = SubscriberStatus.Confirmed,
        Language language = Language.Ru,
        SubscriberSource source = SubscriberSource.Form,
        DateTimeOffset? at = null)
    {
        var created = at ?? Monday;
        return new Subscriber(email, language, source, created)
        {
            Status = status,
            ConfirmedAt = status == SubscriberStatus.Pending ? null : created.AddHours(1),
            UnsubscribedAt = status == SubscriberStatus.Unsubscribed ? created.AddDays(1) : null,
            ConsentAt = created,
            ConsentSource = "/",
            ConsentLanguage = language,
        };
    }

    /// <summary>Saves the subscribers and returns their ids, in the order given.</summary>
    public static Task<long[]> AddAsync(this SiteFactory site, params Subscriber[] subscribers) =>
        site.WithDbAsync(async db =>
        {
            db.Subscribers.AddRange(subscribers);
            await db.SaveChangesAsync();
            return subscribers.Select(s => s.Id).ToArray();
        });

    public static Task<HttpClient> LogInAsAdministratorAsync(this SiteFactory site) =>
        site.LogInAsync(Administrator, AdministratorPassword);
}
