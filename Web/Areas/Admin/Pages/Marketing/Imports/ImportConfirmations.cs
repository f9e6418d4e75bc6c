using Microsoft.EntityFrameworkCore;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Web.Newsletter;

namespace Sanatorium.Web.Areas.Admin.Pages.Marketing.Imports;

/// <summary>
/// The confirmation mails of an import in "send each a confirmation" mode, queued after the import
/// is done, in batches: each batch's mails go into the outbox in the same transaction as the import's
/// <see cref="SubscriberImport.ConfirmationsQueuedToId"/>, which moves only if no other instance moved
/// it first, so every new subscriber gets one confirmation mail, whatever crashes or instances.
/// The mails are rendered here, in Web, like every other mail (docs/decisions/0017).
/// </summary>
public sealed class ImportConfirmations(IServiceScopeFactory scopes, ILogger<ImportConfirmations> logger) : BackgroundService
{
    private const int BatchSize = 200;

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await QueueBatchAsync(stoppingToken))
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Queueing the confirmation mails of an import failed; trying again.");
            }

            await Task.Delay(Poll, stoppingToken);
        }
    }

    /// <summary>Queues the next batch of the oldest import with confirmations to send; false when there is none.</summary>
    public async Task<bool> QueueBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SanatoriumDbContext>();
        var import = await db.SubscriberImports.AsNoTracking()
            .Where(i => i.Status == SubscriberImportStatus.Done && i.Mode == SubscriberImportMode.Confirm
                && i.AddedToId != null && (i.ConfirmationsQueuedToId == null || i.ConfirmationsQueuedToId < i.AddedToId))
            .OrderBy(i => i.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (import is null)
        {
            return false;
        }

        var after = import.ConfirmationsQueuedToId ?? import.AddedFromId!.Value - 1;
        var batch = await db.Subscribers
            .Where(s => s.Id > after && s.Id <= import.AddedToId && s.ConsentSource == import.ConsentSource && s.Status == SubscriberStatus.Pending)
            .OrderBy(s => s.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var upTo = batch.Count < BatchSize ? import.AddedToId!.Value : batch[^1].Id;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.SubscriberImports
            .Where(i => i.Id == import.Id && i.ConfirmationsQueuedToId == import.ConfirmationsQueuedToId)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.ConfirmationsQueuedToId, upTo), cancellationToken);
        if (moved == 0)
        {
            // Another instance queued this batch.
            return true;
        }

        var mails = scope.ServiceProvider.GetRequiredService<SubscriptionMails>();
        foreach (var subscriber in batch)
        {
            await mails.AddConfirmationAsync(subscriber);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
