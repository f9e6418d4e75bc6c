using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Enquiries;
using Sanatorium.Infrastructure.Audit;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Observability;

namespace Sanatorium.Infrastructure.Enquiries;

/// <summary>
/// Erases the personal data of enquiries older than <see cref="EnquiryOptions.RetentionDays"/>
/// (<see cref="Enquiry.Erase"/>), on start and then every <see cref="EnquiryOptions.RetentionCheckInterval"/>.
/// Each batch is claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several instances share the work and
/// never erase one enquiry twice; a member of staff saving an enquiry meanwhile is told it changed (xmin).
/// </summary>
public sealed class EnquiryRetention(
    IServiceScopeFactory scopes,
    IOptions<EnquiryOptions> options,
    TimeProvider time,
    ILogger<EnquiryRetention> logger) : BackgroundService
{
    /// <summary>Who the audit log names for the erasures.</summary>
    public const string Actor = "retention";

    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var worker = LogScopes.Worker(logger, "enquiry-retention");
        using var timer = new PeriodicTimer(options.Value.RetentionCheckInterval, time);
        do
        {
            try
            {
                await EraseExpiredAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or DbUpdateException or TimeoutException)
            {
                logger.LogWarning(e, "Enquiries past the retention period could not be erased; trying again in {Interval}.", options.Value.RetentionCheckInterval);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Erases every enquiry past the period, a batch per transaction; returns how many.</summary>
    public async Task<int> EraseExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SanatoriumDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var now = time.GetUtcNow();
        var before = now.AddDays(-options.Value.RetentionDays);
        var erased = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var batch = await db.Enquiries
                .FromSql($"""
                    SELECT *, xmin FROM "Enquiries" WHERE "ErasedAt" IS NULL AND "CreatedAt" < {before}
                    ORDER BY "CreatedAt" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return erased;
            }

            foreach (var enquiry in batch)
            {
                enquiry.Erase(now);
            }

            audit.Record(Actor, AuditActions.EnquiriesErased, "enquiries", string.Join(", ", batch.Select(e => "#" + e.Id)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            erased += batch.Count;
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
