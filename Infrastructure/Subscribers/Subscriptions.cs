using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;
using Sanatorium.Core;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Email;

namespace Sanatorium.Infrastructure.Subscribers;

/// <summary>
/// The double opt-in as units of work: subscribing through the form, confirming, unsubscribing. Each
/// locks the subscriber's row for its transaction, so two requests for one address at once are served
/// one after the other, and writes the mail it causes to the outbox in that same transaction. The mail
/// itself is rendered by the caller (Web, docs/decisions/0017-where-code-lives.md).
/// </summary>
public sealed class Subscriptions(
    SanatoriumDbContext db,
    MailOutbox outbox,
    SubscriberHasher hasher,
    TimeProvider time,
    IOptions<SubscriptionOptions> options)
{
    /// <summary>
    /// Subscribes <paramref name="email"/> (normalised) in <paramref name="language"/>. Whatever the
    /// address's state, the caller answers the same; here a new, pending or unsubscribed address gets a
    /// confirmation mail (at most <see cref="SubscriptionOptions.ConfirmationsPerDay"/> a day) and a
    /// confirmed one nothing, but the mail is rendered in every case so that the work, and the time it
    /// takes, does not tell them apart.
    /// </summary>
    public async Task SubscribeAsync(
        string email,
        Language language,
        Consent consent,
        Func<Subscriber, Task<MimeMessage>> confirmationMail,
        CancellationToken cancellationToken)
    {
        try
        {
            await TrySubscribeAsync(email, language, consent, confirmationMail, cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same address was added by a request at the same moment: it exists now, so go again.
            db.ChangeTracker.Clear();
            await TrySubscribeAsync(email, language, consent, confirmationMail, cancellationToken);
        }
    }

    /// <summary>Confirms the subscription a confirmation link was made for, and queues the welcome mail.</summary>
    public async Task<ConfirmationResult> ConfirmAsync(
        long subscriberId,
        Guid stamp,
        Func<Subscriber, Task<MimeMessage>> welcomeMail,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var subscriber = await LockAsync(subscriberId, cancellationToken);
        if (subscriber is null || subscriber.Stamp != stamp)
        {
            return ConfirmationResult.Outdated;
        }

        if (subscriber.Status == SubscriberStatus.Confirmed)
        {
            return ConfirmationResult.AlreadyConfirmed;
        }

        var now = time.GetUtcNow();
        subscriber.Status = SubscriberStatus.Confirmed;
        subscriber.ConfirmedAt = now;
        db.SubscriberEvents.Add(new SubscriberEvent(subscriber.Id, now, SubscriberEventKind.Confirmed));
        outbox.Add(await welcomeMail(subscriber), subscriber.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ConfirmationResult.Confirmed;
    }

    /// <summary>
    /// Unsubscribes the subscriber (<paramref name="how"/> goes into their history); a second time, or
    /// for a subscriber erased meanwhile, changes nothing. A new stamp voids any confirmation link still out.
    /// The row is locked for the transaction, so two requests at once record one departure;
    /// <paramref name="record"/> adds what else the change must be saved with (a back office audit entry).
    /// </summary>
    public async Task<UnsubscribeResult> UnsubscribeAsync(
        long subscriberId, string how, CancellationToken cancellationToken, Action? record = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var subscriber = await LockAsync(subscriberId, cancellationToken);
        if (subscriber is null)
        {
            return UnsubscribeResult.NotFound;
        }

        if (subscriber.Status == SubscriberStatus.Unsubscribed)
        {
            return UnsubscribeResult.AlreadyUnsubscribed;
        }

        var now = time.GetUtcNow();
        subscriber.Status = SubscriberStatus.Unsubscribed;
        subscriber.UnsubscribedAt = now;
        subscriber.Stamp = Guid.NewGuid();
        db.SubscriberEvents.Add(new SubscriberEvent(subscriber.Id, now, SubscriberEventKind.Unsubscribed, how));
        record?.Invoke();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UnsubscribeResult.Unsubscribed;
    }

    private async Task TrySubscribeAsync(
        string email,
        Language language,
        Consent consent,
        Func<Subscriber, Task<MimeMessage>> confirmationMail,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var subscriber = await db.Subscribers
            .FromSql($"""SELECT * FROM "Subscribers" WHERE "Email" = {email} FOR UPDATE""")
            .SingleOrDefaultAsync(cancellationToken);
        if (subscriber is null)
        {
            // An erased address given again through the form is a new consent: it leaves the suppression list.
            var hash = await hasher.HashAsync(email, cancellationToken);
            await db.SuppressedAddresses.Where(s => s.EmailHash == hash).ExecuteDeleteAsync(cancellationToken);
            subscriber = new Subscriber(email, language, SubscriberSource.Form, now);
            db.Subscribers.Add(subscriber);
            await db.SaveChangesAsync(cancellationToken);
        }

        var since = now - TimeSpan.FromDays(1);
        var mailedToday = await db.SubscriberEvents.CountAsync(
            e => e.SubscriberId == subscriber.Id && e.Kind == SubscriberEventKind.Subscribed && e.At > since,
            cancellationToken);
        var wanted = subscriber.Status != SubscriberStatus.Confirmed && mailedToday < options.Value.ConfirmationsPerDay;
        if (wanted)
        {
            if (subscriber.Status == SubscriberStatus.Unsubscribed)
            {
                // A new subscription: links from the earlier one no longer confirm anything.
                subscriber.Stamp = Guid.NewGuid();
                subscriber.Status = SubscriberStatus.Pending;
            }

            subscriber.Language = language;
            subscriber.ConsentAt = now;
            subscriber.ConsentSource = consent.Page.AtMost(Subscriber.MaxConsentSourceLength);
            subscriber.ConsentLanguage = language;
            subscriber.ConsentIpHash = await hasher.HashAsync(consent.ClientAddress, cancellationToken);
            subscriber.ConsentAttestedBy = null;
            db.SubscriberEvents.Add(new SubscriberEvent(subscriber.Id, now, SubscriberEventKind.Subscribed, subscriber.ConsentSource));
        }

        var mail = await confirmationMail(subscriber);
        if (wanted)
        {
            outbox.Add(mail, subscriber.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private Task<Subscriber?> LockAsync(long id, CancellationToken cancellationToken) =>
        db.Subscribers
            .FromSql($"""SELECT * FROM "Subscribers" WHERE "Id" = {id} FOR UPDATE""")
            .SingleOrDefaultAsync(cancellationToken);
}

/// <summary>The consent record of a form subscription: the page it was given on and the client's IP address (stored only hashed).</summary>
public sealed record Consent(string Page, string ClientAddress);

public enum UnsubscribeResult
{
    Unsubscribed,
    AlreadyUnsubscribed,
    NotFound,
}

public enum ConfirmationResult
{
    Confirmed,
    AlreadyConfirmed,

    /// <summary>The link is from an earlier subscription, or its subscriber has left or been erased since.</summary>
    Outdated,
}
