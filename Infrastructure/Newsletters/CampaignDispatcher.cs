using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;
using Npgsql;
using NpgsqlTypes;
using Sanatorium.Core;
using Sanatorium.Core.Newsletters;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Email;
using Sanatorium.Infrastructure.Observability;
using Sanatorium.Infrastructure.Options;
using Sanatorium.Infrastructure.Subscribers;

namespace Sanatorium.Infrastructure.Newsletters;

/// <summary>
/// Sends campaigns (docs/decisions/0023-campaign-dispatcher.md). It starts scheduled campaigns when
/// they are due; for each campaign that is sending, every one of its <c>Newsletter:Connections</c>
/// SMTP connections claims a batch of pending ledger lines (<c>FOR UPDATE SKIP LOCKED</c> and a
/// lease, so instances share a campaign and a crashed one lets go), skips whoever is no longer
/// subscribed (looking again every half second while the batch lasts), and sends the rest one by one
/// at <c>Newsletter:MessagesPerSecond</c>, marking each line sent as soon as the server accepted it
/// and before the next message on that connection. A 5xx reply
/// marks the line failed; a 4xx reply or a lost or refused connection puts it back with a delay and
/// makes the campaign wait for the server (its <see cref="Campaign.LastError"/> says why). A campaign
/// move (NOTIFY <see cref="CampaignLedger.Channel"/>) wakes it at once and stops a batch in hand
/// when its campaign is paused or cancelled.
/// </summary>
public sealed class CampaignDispatcher(
    IServiceScopeFactory scopes,
    MailKitEmailSender smtp,
    CampaignMessages messages,
    SubscriptionHeaders headers,
    IOptions<DispatchOptions> options,
    IOptions<DatabaseOptions> database,
    TimeProvider time,
    CampaignMetrics metrics,
    ILogger<CampaignDispatcher> logger) : BackgroundService
{
    /// <summary>What a DKIM signature covers: the sender, the words a reader sees and the unsubscribe headers a filter reads.</summary>
    public static readonly string[] SignedHeaders =
        ["From", "To", "Subject", "Date", "Message-ID", "List-Unsubscribe", "List-Unsubscribe-Post", "List-Id"];

    /// <summary>How often a batch in hand looks again at its subscribers, so that whoever left meanwhile gets nothing.</summary>
    private static readonly TimeSpan LookAgainEvery = TimeSpan.FromSeconds(0.5);

    private readonly DispatchOptions settings = options.Value;

    private readonly SendRate rate = new(options.Value.MessagesPerSecond, time);

    private readonly DkimSigner? signer = options.Value.Dkim.IsConfigured
        ? new DkimSigner(options.Value.Dkim.PrivateKeyPath!, options.Value.Dkim.Domain!, options.Value.Dkim.Selector!)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        }
        : null;

    /// <summary>Wakes the dispatcher's loop (a campaign moved, or the listener came back).</summary>
    private readonly SemaphoreSlim wake = new(0, 1);

    /// <summary>Campaign moves heard so far: a batch in hand checks its campaign when this changed.</summary>
    private int moves;

    /// <summary>Transient failures of the mail server in a row; nothing is claimed before <see cref="RetryAt"/>.</summary>
    private int failures;

    private long retryTicks;

    /// <summary>Until when this instance waits for the mail server (written by any connection).</summary>
    private DateTimeOffset RetryAt
    {
        get => new(Interlocked.Read(ref retryTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref retryTicks, value.UtcTicks);
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var worker = LogScopes.Worker(logger, "campaigns");
        var listening = ListenAsync(stoppingToken);
        var connections = new SmtpClient?[settings.Connections];
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan pause;
                try
                {
                    pause = await RoundAsync(connections, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException or DbUpdateException or TimeoutException)
                {
                    // The database is away (or not migrated yet): nothing is claimed, nothing is lost.
                    logger.LogWarning(e, "Campaigns cannot be read; trying again in {Delay}.", settings.PollInterval);
                    pause = settings.PollInterval;
                }

                if (pause > TimeSpan.Zero && !await SleepAsync(pause, stoppingToken))
                {
                    break;
                }
            }
        }
        finally
        {
            await CloseAsync(connections);
            await listening;
        }
    }

    /// <summary>Starts what is due and sends what is pending; returns how long to wait before the next round.</summary>
    private async Task<TimeSpan> RoundAsync(SmtpClient?[] connections, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SanatoriumDbContext>();
        var now = time.GetUtcNow();
        var due = await db.Campaigns
            .Where(c => c.Status == CampaignStatus.Scheduled && c.ScheduledAt <= now)
            .Select(c => c.Id)
            .ToListAsync(stoppingToken);
        foreach (var id in due)
        {
            // Guarded: of several instances, one starts it.
            await scope.ServiceProvider.GetRequiredService<CampaignLedger>().StartAsync(id, CampaignStatus.Scheduled, stoppingToken);
        }

        var nextScheduled = await db.Campaigns
            .Where(c => c.Status == CampaignStatus.Scheduled)
            .MinAsync(c => c.ScheduledAt, stoppingToken);
        var pause = nextScheduled - now is { } untilDue && untilDue < settings.PollInterval ? untilDue : settings.PollInterval;
        if (RetryAt - now is var retry && retry > TimeSpan.Zero)
        {
            return retry < pause ? retry : pause;
        }

        var sending = await db.Campaigns
            .AsNoTracking()
            .Where(c => c.Status == CampaignStatus.Sending)
            .OrderBy(c => c.StartedAt)
            .ToListAsync(stoppingToken);
        if (sending.Count == 0)
        {
            await CloseAsync(connections);
            return pause;
        }

        var worked = await Task.WhenAll(connections.Select((_, index) => WorkAsync(connections, index, sending, stoppingToken)));
        foreach (var campaign in sending)
        {
            await FinishAsync(db, campaign.Id, stoppingToken);
        }

        return worked.Any(w => w) ? TimeSpan.Zero : pause;
    }

    /// <summary>One connection's share: batches until nothing is left to claim or the server must be waited for; true when it claimed any.</summary>
    private async Task<bool> WorkAsync(SmtpClient?[] connections, int index, List<Campaign> campaigns, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SanatoriumDbContext>();

        // One connection for this share, whose commits do not wait for the WAL to reach the disk (a commit
        // then costs about 0.4 ms instead of 1 ms here): once committed, a crash of the site cannot lose a
        // mark, only a crash of PostgreSQL's machine within a fraction of a second could (docs/decisions/0023).
        // The setting ends with the session: a connection back in the pool is reset.
        await db.Database.OpenConnectionAsync(stoppingToken);
        await db.Database.ExecuteSqlRawAsync("SET synchronous_commit = off", stoppingToken);
        await using var sentMark = await SentMark.PrepareAsync((NpgsqlConnection)db.Database.GetDbConnection(), stoppingToken);
        var worked = false;
        while (!stoppingToken.IsCancellationRequested && time.GetUtcNow() >= RetryAt)
        {
            var claimed = false;
            foreach (var campaign in campaigns)
            {
                var batch = await ClaimAsync(db, campaign.Id, stoppingToken);
                if (batch.Count > 0)
                {
                    claimed = worked = true;
                    using (LogScopes.Campaign(logger, campaign.Id))
                    {
                        await SendAsync(db, sentMark, connections, index, campaign, batch, stoppingToken);
                    }

                    break;
                }
            }

            if (!claimed)
            {
                break;
            }
        }

        return worked;
    }

    private async Task<List<ClaimedDelivery>> ClaimAsync(SanatoriumDbContext db, long campaignId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + settings.Lease;

        // The lines are picked (and locked) once, in their own step: a LIMIT inside the UPDATE's
        // condition may be run again by the planner and claim more.
        return await db.Database.SqlQuery<ClaimedDelivery>($"""
            WITH picked AS MATERIALIZED (
                SELECT d."Id" FROM "CampaignDeliveries" d
                WHERE d."CampaignId" = {campaignId} AND d."Status" = 'Pending' AND d."NextAttemptAt" <= {now}
                    AND (d."LockedUntil" IS NULL OR d."LockedUntil" < {now})
                    AND EXISTS (SELECT 1 FROM "Campaigns" c WHERE c."Id" = {campaignId} AND c."Status" = 'Sending')
                ORDER BY d."Id"
                LIMIT {settings.BatchSize}
                FOR UPDATE SKIP LOCKED),
            claimed AS (
                UPDATE "CampaignDeliveries" d SET "LockedUntil" = {until}
                FROM picked WHERE d."Id" = picked."Id"
                RETURNING d."Id", d."SubscriberId", d."Language", d."Attempts")
            SELECT claimed."Id", claimed."SubscriberId", claimed."Language", claimed."Attempts",
                s."Email", s."Status" AS "SubscriberStatus", {until} AS "LockedUntil"
            FROM claimed LEFT JOIN "Subscribers" s ON s."Id" = claimed."SubscriberId"
            ORDER BY claimed."Id"
            """).ToListAsync(cancellationToken);
    }

    private async Task SendAsync(
        SanatoriumDbContext db, SentMark sentMark, SmtpClient?[] connections, int index, Campaign campaign, List<ClaimedDelivery> batch, CancellationToken stoppingToken)
    {
        var started = time.GetUtcNow();
        var confirmed = nameof(SubscriberStatus.Confirmed);
        var rest = new Queue<ClaimedDelivery>(
            await SkipLeaversAsync(db, batch, d => d.Email is not null && d.SubscriberStatus == confirmed));
        var looked = started;
        if (connections[index] is { } open && !await StillOpenAsync(open, stoppingToken))
        {
            await DropAsync(connections, index);
        }

        var heard = Volatile.Read(ref moves);
        var sent = false;
        while (rest.Count > 0)
        {
            if (time.GetUtcNow() - looked >= LookAgainEvery)
            {
                // A batch takes a while at a modest rate: whoever left since the claim is not sent to.
                // Not cancellable (one short query): a stopping site gives the batch back at the next wait.
                rest = new Queue<ClaimedDelivery>(await LookAgainAsync(db, rest.ToList()));
                looked = time.GetUtcNow();
                if (rest.Count == 0)
                {
                    break;
                }
            }

            var delivery = rest.Dequeue();
            var latest = Volatile.Read(ref moves);
            var moved = latest != heard;
            heard = latest;
            if (!MayGoOn(delivery) || (moved && !await IsSendingAsync(db, campaign.Id, stoppingToken)))
            {
                await ReleaseAsync(db, rest.Prepend(delivery));
                return;
            }

            try
            {
                await rate.WaitAsync(stoppingToken);
                var message = Message(campaign, delivery);
                if (message is null)
                {
                    await MarkFailedAsync(db, delivery, $"The campaign has no {delivery.Language} version.");
                    continue;
                }

                var client = connections[index] ??= await smtp.ConnectAsync(stoppingToken);
                await client.SendAsync(message, stoppingToken);
            }
            catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
            {
                await MarkFailedAsync(db, delivery, MailKitEmailSender.Reply(e));
                continue;
            }
            catch (Exception e) when (MailKitEmailSender.IsTransient(e))
            {
                // The server is down, busy (4xx) or the connection broke: this line and the rest of the
                // batch wait, and so does every connection of this instance, for a delay that doubles.
                await DropAsync(connections, index);
                await PostponeAsync(db, campaign.Id, rest.Prepend(delivery).ToList(), MailKitEmailSender.Reply(e));
                return;
            }
            catch (OperationCanceledException)
            {
                // The site is stopping: the line in flight and the rest go back to the queue at once.
                await ReleaseAsync(db, rest.Prepend(delivery));
                throw;
            }

            await sentMark.ExecuteAsync(delivery.Id, time.GetUtcNow());
            metrics.Sent();
            sent = true;
        }

        if (sent)
        {
            await RecoveredAsync(db, campaign.Id, started);
        }
    }

    /// <summary>The lines of <paramref name="deliveries"/> whose subscriber is still confirmed now; the others are marked skipped.</summary>
    private async Task<List<ClaimedDelivery>> LookAgainAsync(SanatoriumDbContext db, List<ClaimedDelivery> deliveries)
    {
        var ids = deliveries.Select(d => d.SubscriberId!.Value).ToList();
        var staying = (await db.Subscribers
            .Where(s => ids.Contains(s.Id) && s.Status == SubscriberStatus.Confirmed)
            .Select(s => s.Id)
            .ToListAsync(CancellationToken.None)).ToHashSet();
        return await SkipLeaversAsync(db, deliveries, d => staying.Contains(d.SubscriberId!.Value));
    }

    /// <summary>Marks skipped the lines of <paramref name="deliveries"/> that do not <paramref name="stay"/> (their subscriber left or was erased); returns the rest.</summary>
    private async Task<List<ClaimedDelivery>> SkipLeaversAsync(
        SanatoriumDbContext db, List<ClaimedDelivery> deliveries, Func<ClaimedDelivery, bool> stay)
    {
        var gone = deliveries.Where(d => !stay(d)).Select(d => d.Id).ToList();
        if (gone.Count == 0)
        {
            return deliveries;
        }

        var now = time.GetUtcNow();
        await db.CampaignDeliveries.Where(d => gone.Contains(d.Id)).ExecuteUpdateAsync(
            set => set.SetProperty(d => d.Status, DeliveryStatus.Skipped).SetProperty(d => d.At, now).SetProperty(d => d.LockedUntil, (DateTimeOffset?)null),
            CancellationToken.None);
        return deliveries.Where(stay).ToList();
    }

    /// <summary>False when the batch must stop before the next message: the server must be waited for, or the lease runs short.</summary>
    private bool MayGoOn(ClaimedDelivery delivery)
    {
        var now = time.GetUtcNow();
        return now >= RetryAt && now < delivery.LockedUntil - settings.Lease / 2;
    }

    /// <summary>Whether the campaign is still sending (checked when a campaign moved since the last message).</summary>
    private static Task<bool> IsSendingAsync(SanatoriumDbContext db, long campaignId, CancellationToken cancellationToken) =>
        db.Campaigns.AnyAsync(c => c.Id == campaignId && c.Status == CampaignStatus.Sending, cancellationToken);

    /// <summary>Whether a connection kept from an earlier batch still answers (the server may have closed an idle one).</summary>
    private static async Task<bool> StillOpenAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.NoOpAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (MailKitEmailSender.IsTransient(e))
        {
            return false;
        }
    }

    private MimeMessage? Message(Campaign campaign, ClaimedDelivery delivery)
    {
        var language = Enum.Parse<Language>(delivery.Language);
        if (campaign.Translation(language) is not { Html: not null, Text: not null } translation)
        {
            return null;
        }

        var message = messages.For(
            translation,
            campaign.Placeholder!,
            SubscriberEmail.ToAscii(delivery.Email!),
            headers.UnsubscribeUrl(delivery.SubscriberId!.Value, language));
        if (signer is not null)
        {
            // Encoded for 7-bit transport before signing, so that no server re-encodes the signed body.
            message.Prepare(EncodingConstraint.SevenBit);
            signer.Sign(message, SignedHeaders);
        }

        return message;
    }

    private async Task MarkFailedAsync(SanatoriumDbContext db, ClaimedDelivery delivery, string reply)
    {
        metrics.Failed();
        logger.LogWarning("The mail server refused campaign line {Id}: {Reply}", delivery.Id, LogText.WithoutAddresses(reply));
        var now = time.GetUtcNow();
        var error = reply.AtMost(CampaignDelivery.MaxErrorLength);
        await db.CampaignDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(
            set => set.SetProperty(d => d.Status, DeliveryStatus.Failed)
                .SetProperty(d => d.At, now)
                .SetProperty(d => d.Error, error)
                .SetProperty(d => d.LockedUntil, (DateTimeOffset?)null),
            CancellationToken.None);
    }

    /// <summary>Puts lines back with a delay that doubles per attempt, and makes the campaign (and this instance) wait for the server.</summary>
    private async Task PostponeAsync(SanatoriumDbContext db, long campaignId, List<ClaimedDelivery> deliveries, string reply)
    {
        var now = time.GetUtcNow();
        var failed = Interlocked.Increment(ref failures);
        var wait = Backoff(failed);
        RetryAt = now + wait;
        metrics.Postponed(deliveries.Count);
        logger.LogWarning("Campaign {Campaign} waits {Delay} for the mail server: {Reply}", campaignId, wait, LogText.WithoutAddresses(reply));
        var error = reply.AtMost(CampaignDelivery.MaxErrorLength);
        foreach (var delivery in deliveries)
        {
            var next = now + Backoff(delivery.Attempts + 1);
            await db.CampaignDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(
                set => set.SetProperty(d => d.Attempts, d => d.Attempts + 1)
                    .SetProperty(d => d.NextAttemptAt, next)
                    .SetProperty(d => d.Error, error)
                    .SetProperty(d => d.LockedUntil, (DateTimeOffset?)null),
                CancellationToken.None);
        }

        var campaignError = reply.AtMost(Campaign.MaxErrorLength);
        await db.Campaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(
            set => set.SetProperty(c => c.LastError, campaignError).SetProperty(c => c.LastErrorAt, now),
            CancellationToken.None);
    }

    private TimeSpan Backoff(int attempts)
    {
        var delay = settings.FirstRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 30));
        return delay < settings.MaxRetryDelay ? delay : settings.MaxRetryDelay;
    }

    /// <summary>Sending works again: the campaign's wait (set before this batch began) is over.</summary>
    private async Task RecoveredAsync(SanatoriumDbContext db, long campaignId, DateTimeOffset batchStarted)
    {
        Interlocked.Exchange(ref failures, 0);
        await db.Campaigns
            .Where(c => c.Id == campaignId && c.LastErrorAt != null && c.LastErrorAt < batchStarted)
            .ExecuteUpdateAsync(
                set => set.SetProperty(c => c.LastError, (string?)null).SetProperty(c => c.LastErrorAt, (DateTimeOffset?)null),
                CancellationToken.None);
    }

    /// <summary>Gives lines back unsent, for another batch (or instance) to take now.</summary>
    private static async Task ReleaseAsync(SanatoriumDbContext db, IEnumerable<ClaimedDelivery> deliveries)
    {
        var ids = deliveries.Select(d => d.Id).ToList();
        await db.CampaignDeliveries
            .Where(d => ids.Contains(d.Id) && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    /// <summary>A sending campaign with no pending line left is sent (once, whoever gets there first).</summary>
    private async Task FinishAsync(SanatoriumDbContext db, long campaignId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var finished = await db.Campaigns
            .Where(c => c.Id == campaignId && c.Status == CampaignStatus.Sending
                && !db.CampaignDeliveries.Any(d => d.CampaignId == campaignId && d.Status == DeliveryStatus.Pending))
            .ExecuteUpdateAsync(
                set => set.SetProperty(c => c.Status, CampaignStatus.Sent)
                    .SetProperty(c => c.FinishedAt, now)
                    .SetProperty(c => c.LastError, (string?)null)
                    .SetProperty(c => c.LastErrorAt, (DateTimeOffset?)null),
                cancellationToken);
        if (finished > 0)
        {
            logger.LogInformation("Campaign {Campaign} is sent.", campaignId);
            await db.Database.ExecuteSqlAsync(
                $"SELECT pg_notify({CampaignLedger.Channel}, {campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
                cancellationToken);
        }
    }

    /// <summary>LISTEN on <see cref="CampaignLedger.Channel"/> for as long as the site runs, listening again after the database was away.</summary>
    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) =>
                {
                    Interlocked.Increment(ref moves);
                    Wake();
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {CampaignLedger.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever moved while nobody listened.
                Interlocked.Increment(ref moves);
                Wake();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or SocketException or TimeoutException)
            {
                logger.LogWarning(e, "Cannot listen for campaign moves; trying again in {Delay}.", settings.PollInterval);
                if (!await DelayAsync(settings.PollInterval, stoppingToken))
                {
                    return;
                }
            }
        }
    }

    private void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    /// <summary>Until a campaign moves or <paramref name="pause"/> passes; false when the site is stopping.</summary>
    private async Task<bool> SleepAsync(TimeSpan pause, CancellationToken stoppingToken)
    {
        try
        {
            await wake.WaitAsync(pause, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task DropAsync(SmtpClient?[] connections, int index)
    {
        if (connections[index] is { } client)
        {
            connections[index] = null;
            await MailKitEmailSender.QuitAsync(client);
        }
    }

    private static async Task CloseAsync(SmtpClient?[] connections)
    {
        for (var i = 0; i < connections.Length; i++)
        {
            await DropAsync(connections, i);
        }
    }

    /// <summary>
    /// The mark of a sent line: a statement prepared once on a connection's own PostgreSQL connection,
    /// its own transaction, one round trip (the connection commits asynchronously: WorkAsync).
    /// </summary>
    private sealed class SentMark : IAsyncDisposable
    {
        private readonly NpgsqlCommand command;

        private SentMark(NpgsqlCommand command) => this.command = command;

        public static async Task<SentMark> PrepareAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            var command = new NpgsqlCommand(
                """UPDATE "CampaignDeliveries" SET "Status" = 'Sent', "At" = $1, "LockedUntil" = NULL, "Error" = NULL WHERE "Id" = $2""",
                connection)
            {
                Parameters = { new() { NpgsqlDbType = NpgsqlDbType.TimestampTz }, new() { NpgsqlDbType = NpgsqlDbType.Bigint } },
            };
            await command.PrepareAsync(cancellationToken);
            return new SentMark(command);
        }

        /// <summary>Not cancellable: the server has the message, so the ledger must say so before anything else.</summary>
        public async Task ExecuteAsync(long id, DateTimeOffset at)
        {
            command.Parameters[0].Value = at;
            command.Parameters[1].Value = id;
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }

        public ValueTask DisposeAsync() => command.DisposeAsync();
    }

    /// <summary>A claimed ledger line with its subscriber as they are now (no address: erased).</summary>
    internal sealed record ClaimedDelivery(
        long Id, long? SubscriberId, string Language, int Attempts, string? Email, string? SubscriberStatus, DateTimeOffset LockedUntil);
}
