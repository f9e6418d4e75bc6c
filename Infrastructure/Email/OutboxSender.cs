using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;
using Sanatorium.Core;
using Sanatorium.Core.Mail;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Observability;
using Sanatorium.Infrastructure.Options;

namespace Sanatorium.Infrastructure.Email;

/// <summary>
/// Delivers the mail outbox (docs/decisions/0018-mail-outbox.md). It claims a batch of due messages
/// with <c>FOR UPDATE SKIP LOCKED</c> and a lease, so several instances share the work and a crashed
/// one lets go; sends them over one connection; deletes each message the server accepted (with a
/// line in the subscriber's history, in one transaction). A connection error or a 4xx reply leaves the
/// message for a later attempt, after a delay that doubles each time; a 5xx reply marks it failed.
/// New mail wakes the sender at once: a trigger on the table sends a PostgreSQL NOTIFY when the
/// transaction that wrote it commits.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes,
    MailKitEmailSender smtp,
    IOptions<OutboxOptions> options,
    IOptions<DatabaseOptions> database,
    TimeProvider time,
    ILogger<OutboxSender> logger) : BackgroundService
{
    /// <summary>The channel the outbox trigger notifies (migration OutboxDelivery).</summary>
    public const string Channel = "outbox";

    private NpgsqlConnection? listener;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var worker = LogScopes.Worker(logger, "outbox");
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
                if (!await DeliverBatchAsync(stoppingToken))
                {
                    await WaitForMailAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or DbUpdateException or TimeoutException)
            {
                // The database is away (or not migrated yet): nothing can be claimed, nothing is lost.
                logger.LogWarning(e, "The mail outbox cannot be read; trying again in {Delay}.", options.Value.PollInterval);
                await DropListenerAsync();
                if (!await PauseAsync(stoppingToken))
                {
                    break;
                }
            }
        }

        await DropListenerAsync();
    }

    /// <summary>Sends what is due now; false when nothing was due.</summary>
    private async Task<bool> DeliverBatchAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SanatoriumDbContext>();
        var batch = await ClaimAsync(db, stoppingToken);
        if (batch.Count == 0)
        {
            return false;
        }

        SmtpClient? client = null;
        try
        {
            foreach (var message in batch)
            {
                stoppingToken.ThrowIfCancellationRequested();
                using var logScope = LogScopes.OutboxMessage(logger, message.Id);
                try
                {
                    using var content = new MemoryStream(message.Content);
                    var mime = await MimeMessage.LoadAsync(content, stoppingToken);
                    client ??= await smtp.ConnectAsync(stoppingToken);
                    await client.SendAsync(mime, stoppingToken);
                    await MarkSentAsync(db, message, stoppingToken);
                }
                catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
                {
                    await MarkFailedAsync(db, message, MailKitEmailSender.Reply(e), stoppingToken);
                }
                catch (FormatException e)
                {
                    await MarkFailedAsync(db, message, "the stored message cannot be read: " + e.Message, stoppingToken);
                }
                catch (Exception e) when (MailKitEmailSender.IsTransient(e))
                {
                    // The server is down, busy (4xx) or the connection broke: this message and the rest
                    // of the batch wait for a later attempt.
                    foreach (var waiting in batch.SkipWhile(m => m != message))
                    {
                        await PostponeAsync(db, waiting, MailKitEmailSender.Reply(e), stoppingToken);
                    }

                    logger.LogWarning("Mail delivery postponed: {Error}", LogText.WithoutAddresses(MailKitEmailSender.Reply(e)));
                    return true;
                }
            }
        }
        finally
        {
            if (client is not null)
            {
                await MailKitEmailSender.QuitAsync(client);
            }
        }

        return true;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(SanatoriumDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + options.Value.Lease;
        return await db.OutboxMessages.FromSql($"""
            UPDATE "OutboxMessages" SET "LockedUntil" = {until}
            WHERE "Id" IN (
                SELECT "Id" FROM "OutboxMessages"
                WHERE "FailedAt" IS NULL AND "NextAttemptAt" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                ORDER BY "NextAttemptAt", "Id"
                LIMIT {options.Value.BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
    }

    private async Task MarkSentAsync(SanatoriumDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteDeleteAsync(cancellationToken);
        await AddHistoryAsync(db, message, SubscriberEventKind.MailSent, message.Subject, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task MarkFailedAsync(SanatoriumDbContext db, OutboxMessage message, string reply, CancellationToken cancellationToken)
    {
        logger.LogError("The mail server refused outbox message {Id}: {Reply}", message.Id, LogText.WithoutAddresses(reply));
        var now = time.GetUtcNow();
        var error = reply.AtMost(OutboxMessage.MaxErrorLength);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(
            set => set.SetProperty(m => m.FailedAt, now)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null),
            cancellationToken);
        await AddHistoryAsync(db, message, SubscriberEventKind.MailFailed, $"{message.Subject}: {reply}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A line in the subscriber's history, unless they were erased meanwhile (their history went with them).</summary>
    private async Task AddHistoryAsync(
        SanatoriumDbContext db, OutboxMessage message, SubscriberEventKind kind, string details, CancellationToken cancellationToken)
    {
        if (message.SubscriberId is not { } subscriber)
        {
            return;
        }

        var text = details.AtMost(SubscriberEvent.MaxDetailsLength);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "SubscriberEvents" ("SubscriberId", "At", "Kind", "Details")
            SELECT "Id", {time.GetUtcNow()}, {kind.ToString()}, {text} FROM "Subscribers" WHERE "Id" = {subscriber}
            """, cancellationToken);
    }

    private async Task PostponeAsync(SanatoriumDbContext db, OutboxMessage message, string error, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        var delay = options.Value.FirstRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 30));
        var next = time.GetUtcNow() + (delay < options.Value.MaxRetryDelay ? delay : options.Value.MaxRetryDelay);
        var text = error.AtMost(OutboxMessage.MaxErrorLength);
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(
            set => set.SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, text)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null),
            CancellationToken.None);
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        if (listener is not null)
        {
            return;
        }

        var connection = new NpgsqlConnection(database.Value.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var listen = new NpgsqlCommand($"LISTEN {Channel}", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken);
            listener = connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Until new mail is committed (NOTIFY) or the poll interval passes (retries, a missed notification).</summary>
    private Task<bool> WaitForMailAsync(CancellationToken stoppingToken) =>
        listener!.WaitAsync(options.Value.PollInterval, stoppingToken);

    /// <summary>Waits a poll interval; false when the site is stopping.</summary>
    private async Task<bool> PauseAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task DropListenerAsync()
    {
        if (listener is not null)
        {
            await listener.DisposeAsync();
            listener = null;
        }
    }
}
