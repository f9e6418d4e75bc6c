using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Sanatorium.Core.Subscribers;
using Sanatorium.Infrastructure.Data;
using Sanatorium.Infrastructure.Options;

namespace Sanatorium.Infrastructure.Subscribers;

/// <summary>Why an import stopped without importing anything; stored in <see cref="SubscriberImport.Error"/>.</summary>
public enum ImportFailure
{
    /// <summary>Taken up <see cref="SubscriberImport.MaxAttempts"/> times without finishing (crashes, restarts, a lost database).</summary>
    GaveUp,

    /// <summary>A line longer than <see cref="ImportRows.MaxLineBytes"/>: not a list of subscribers.</summary>
    Unreadable,

    /// <summary>The uploaded file is gone from the import directory.</summary>
    FileMissing,
}

/// <summary>
/// Runs one queued import (see docs/decisions/0021-subscriber-import.md). It claims the import
/// (an UPDATE of a row locked with SKIP LOCKED, so two instances never take the same one), streams
/// the file through <see cref="ImportRows"/> into a temporary staging table by binary COPY (a keyed
/// hash of each address computed here), then merges it into the subscribers in one set-based
/// statement, in the same transaction: an import is merged whole or not at all. While it runs, a
/// heartbeat on a second connection stores the progress and renews a lease; an import whose lease
/// ran out (its worker crashed) is taken up again from the start, at most
/// <see cref="SubscriberImport.MaxAttempts"/> times.
/// </summary>
public sealed class ImportRunner(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> database,
    SubscriberHasher hasher,
    TimeProvider time,
    ILogger<ImportRunner> logger)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(2);

    /// <summary>Where the refused rows of an import are written: next to its upload.</summary>
    public static string BadRowsPath(SubscriberImport import) => import.StoredPath + ".bad.csv";

    /// <summary>Claims the oldest waiting import and runs it; false when there was none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        await using var control = await OpenAsync(cancellationToken);
        await ExecuteAsync(
            control,
            """
            UPDATE "SubscriberImports" SET "Status" = 'Failed', "Error" = @error, "FinishedAt" = now(), "LeaseUntil" = NULL
            WHERE "Attempts" >= @max AND ("Status" = 'Queued' OR ("Status" = 'Running' AND "LeaseUntil" < now()))
            """,
            cancellationToken,
            ("error", nameof(ImportFailure.GaveUp)),
            ("max", SubscriberImport.MaxAttempts));
        await using var claim = Command(
            control,
            """
            UPDATE "SubscriberImports"
            SET "Status" = 'Running', "Attempts" = "Attempts" + 1, "LeaseUntil" = now() + @lease,
                "StartedAt" = now(), "BytesProcessed" = 0, "Rows" = 0, "BadRows" = 0
            WHERE "Id" = (
                SELECT "Id" FROM "SubscriberImports"
                WHERE "Status" = 'Queued' OR ("Status" = 'Running' AND "LeaseUntil" < now())
                ORDER BY "Id" LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING "Id", "Attempts"
            """,
            ("lease", Lease));
        long id;
        int attempt;
        await using (var reader = await claim.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return false;
            }

            (id, attempt) = (reader.GetInt64(0), reader.GetInt32(1));
        }

        await RunAsync(control, id, attempt, cancellationToken);
        return true;
    }

    private async Task RunAsync(NpgsqlConnection control, long id, int attempt, CancellationToken stopping)
    {
        SubscriberImport import;
        await using (var scope = scopes.CreateAsyncScope())
        {
            import = await scope.ServiceProvider.GetRequiredService<SanatoriumDbContext>()
                .SubscriberImports.AsNoTracking().SingleAsync(i => i.Id == id, stopping);
        }

        var progress = new ImportProgress();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var heartbeat = HeartbeatAsync(control, import, attempt, progress, run);
        // What to set once the heartbeat has stopped (it uses the same connection).
        string? next = null;
        try
        {
            await ImportAsync(import, attempt, progress, run.Token);
            File.Delete(import.StoredPath);
        }
        catch (CsvFormatException)
        {
            next = Failed(import, ImportFailure.Unreadable);
        }
        catch (FileNotFoundException)
        {
            next = Failed(import, ImportFailure.FileMissing);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The site is stopping: the import goes back to the queue and this attempt does not count.
            next = """ "Status" = 'Queued', "Attempts" = "Attempts" - 1, "LeaseUntil" = NULL """;
        }
        catch (OperationCanceledException) when (progress.LeaseLost)
        {
            logger.LogWarning("Import {Id} was taken over by another worker after its lease ran out; this attempt is dropped.", import.Id);
        }
        catch (Exception e) when (e is NpgsqlException or IOException)
        {
            // Another attempt, at once (the lease rule would take it up again anyway, later).
            logger.LogError(e, "Import {Id} failed on attempt {Attempt}.", import.Id, attempt);
            next = """ "Status" = 'Queued', "LeaseUntil" = NULL """;
        }
        finally
        {
            await run.CancelAsync();
            await heartbeat;
        }

        if (next is not null)
        {
            await SetAsync(control, import, attempt, next, CancellationToken.None);
        }
    }

    private string Failed(SubscriberImport import, ImportFailure failure)
    {
        logger.LogWarning("Import {Id} failed: {Failure}.", import.Id, failure);
        return $""" "Status" = 'Failed', "Error" = '{failure}', "FinishedAt" = now(), "LeaseUntil" = NULL """;
    }

    private async Task ImportAsync(SubscriberImport import, int attempt, ImportProgress progress, CancellationToken cancellationToken)
    {
        var key = await hasher.KeyAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(
            connection,
            """
            CREATE TEMP TABLE import_rows (line bigint NOT NULL, email text NOT NULL, language text NOT NULL, name text, email_hash bytea NOT NULL)
            ON COMMIT DROP;
            -- The merge sorts the file's rows by address: in memory rather than in temporary files.
            SET LOCAL work_mem = '256MB'
            """,
            cancellationToken);
        var started = time.GetUtcNow();
        Stage(connection, import, key, progress, cancellationToken);

        var now = time.GetUtcNow();
        var attested = import.Mode == SubscriberImportMode.Attested;
        var merge = await MergeAsync(
            connection,
            cancellationToken,
            ("status", (attested ? SubscriberStatus.Confirmed : SubscriberStatus.Pending).ToString()),
            ("now", now),
            ("attested", attested),
            ("source", import.ConsentSource),
            ("attestedBy", attested ? import.UploadedBy : DBNull.Value),
            ("details", $"{import.ConsentSource}: {import.FileName}"));
        var skipped = merge[1][0];
        var (added, fromId, toId) = (merge[2][0], merge[2][1], merge[2][2]);
        logger.LogInformation(
            "Import {Id}: {Rows} good rows staged in {Staged} ms, merged in {Merged} ms.",
            import.Id,
            progress.Good,
            (long)(now - started).TotalMilliseconds,
            (long)(time.GetUtcNow() - now).TotalMilliseconds);
        var done = await SetAsync(
            connection,
            import,
            attempt,
            """
            "Status" = 'Done', "FinishedAt" = now(), "LeaseUntil" = NULL, "BytesProcessed" = "BytesTotal",
            "Rows" = @rows, "BadRows" = @bad, "Added" = @added, "Merged" = @merged, "Skipped" = @skipped,
            "AddedFromId" = CASE WHEN @added > 0 THEN @fromId END, "AddedToId" = CASE WHEN @added > 0 THEN @toId END
            """,
            cancellationToken,
            ("rows", progress.Good + progress.Bad),
            ("bad", progress.Bad),
            ("added", added),
            ("merged", progress.Good - added - skipped),
            ("skipped", skipped),
            ("fromId", fromId),
            ("toId", toId));
        if (done == 0)
        {
            // Another worker holds the import now: this attempt's merge is rolled back.
            progress.LeaseLost = true;
            throw new OperationCanceledException();
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The merge, in set-based statements that run in the import's transaction, straight from the
    /// staging table. An existing subscriber keeps their status and consent record (an unsubscribed
    /// one is not touched at all), gets only a name they lacked and one "imported" line in their
    /// history. A new address is added once, from the first line that has it, unless it is suppressed
    /// (erased: an anti-join on the keyed hash). It is a plain INSERT (cheaper than ON CONFLICT): a form subscription of the same
    /// address committed meanwhile breaks the unique index, and the import runs again. A new
    /// subscriber's record of the import is their consent record (source Import, "import N", created
    /// at), not a history line: a million history lines would double the import's time. The last two
    /// statements answer the lines skipped and the subscribers added (how many, and their lowest and highest ids).
    /// </summary>
    private static readonly string[] MergeSql =
    [
        """
        WITH met AS (
            UPDATE "Subscribers" t SET "Name" = COALESCE(t."Name", r.name)
            FROM import_rows r
            WHERE t."Email" = r.email AND t."Status" <> 'Unsubscribed'
            RETURNING t."Id")
        INSERT INTO "SubscriberEvents" ("SubscriberId", "At", "Kind", "Details")
        SELECT "Id", @now, 'Imported', @details FROM met
        """,
        """
        SELECT count(*) FROM import_rows r
        WHERE r.email_hash IN (SELECT "EmailHash" FROM "SuppressedAddresses")
           OR r.email IN (SELECT "Email" FROM "Subscribers" WHERE "Status" = 'Unsubscribed')
        """,
        """
        WITH added AS (
        INSERT INTO "Subscribers"
            ("Email", "Name", "Language", "Status", "Source", "CreatedAt", "ConfirmedAt", "ConsentAt",
             "ConsentSource", "ConsentLanguage", "ConsentAttestedBy", "Stamp")
        SELECT DISTINCT ON (email) email, name, language, @status, 'Import', @now,
               CASE WHEN @attested THEN @now END, CASE WHEN @attested THEN @now END,
               @source, CASE WHEN @attested THEN language END, @attestedBy, gen_random_uuid()
        FROM import_rows r
        WHERE NOT EXISTS (SELECT 1 FROM "SuppressedAddresses" s WHERE s."EmailHash" = r.email_hash)
          AND NOT EXISTS (SELECT 1 FROM "Subscribers" t WHERE t."Email" = r.email)
        ORDER BY email, line
        RETURNING "Id")
        SELECT count(*), coalesce(min("Id"), 0), coalesce(max("Id"), 0) FROM added
        """,
    ];

    /// <summary>Runs <see cref="MergeSql"/> in order; answers for each statement the numbers its SELECT returned, or the rows it changed.</summary>
    private static async Task<long[][]> MergeAsync(
        NpgsqlConnection connection,
        CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        var results = new List<long[]>();
        foreach (var sql in MergeSql)
        {
            await using var command = Command(connection, sql, [.. parameters.Where(p => sql.Contains("@" + p.Name, StringComparison.Ordinal))]);
            if (!sql.Contains("SELECT count(*)", StringComparison.Ordinal))
            {
                results.Add([await command.ExecuteNonQueryAsync(cancellationToken)]);
                continue;
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            results.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetInt64)]);
        }

        return [.. results];
    }

    /// <summary>Reads the file and writes its good rows into the staging table, its bad ones into the bad-rows file.</summary>
    private static void Stage(NpgsqlConnection connection, SubscriberImport import, byte[] key, ImportProgress progress, CancellationToken cancellationToken)
    {
        using var file = new FileStream(import.StoredPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var bad = CsvWriter.Create(File.Create(BadRowsPath(import)), new CsvWriterOptions { WriteByteOrderMark = true });
        bad.WriteRecord(["line", "reason", "row"]);
        using var copy = connection.BeginBinaryImport("COPY import_rows (line, email, language, name, email_hash) FROM STDIN (FORMAT BINARY)");
        var rows = ImportRows.Read(file, import, (line, problem, raw) =>
        {
            bad.WriteRecord([line.ToString(CultureInfo.InvariantCulture), problem.ToString(), raw]);
            progress.AddBad();
        });
        foreach (var row in rows)
        {
            copy.StartRow();
            copy.Write(row.Line, NpgsqlDbType.Bigint);
            copy.Write(row.Email, NpgsqlDbType.Text);
            copy.Write(row.Language.ToString(), NpgsqlDbType.Text);
            if (row.Name is null)
            {
                copy.WriteNull();
            }
            else
            {
                copy.Write(row.Name, NpgsqlDbType.Text);
            }

            copy.Write(SubscriberHasher.Hash(key, row.Email), NpgsqlDbType.Bytea);
            if (progress.AddGood(row.ByteOffset) % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        copy.Complete();
    }

    /// <summary>Stores the progress and renews the lease every <see cref="Heartbeat"/>; cancels the run when the lease is someone else's now.</summary>
    private async Task HeartbeatAsync(NpgsqlConnection control, SubscriberImport import, int attempt, ImportProgress progress, CancellationTokenSource run)
    {
        using var timer = new PeriodicTimer(Heartbeat, time);
        try
        {
            while (await timer.WaitForNextTickAsync(run.Token))
            {
                var held = await SetAsync(
                    control,
                    import,
                    attempt,
                    """ "BytesProcessed" = @bytes, "Rows" = @rows, "BadRows" = @bad, "LeaseUntil" = now() + @lease """,
                    run.Token,
                    ("bytes", progress.Bytes),
                    ("rows", progress.Good + progress.Bad),
                    ("bad", progress.Bad),
                    ("lease", Lease));
                if (held == 0)
                {
                    progress.LeaseLost = true;
                    await run.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
        catch (NpgsqlException e)
        {
            logger.LogWarning(e, "Import {Id}: the progress could not be stored; the lease runs out unless the database comes back.", import.Id);
        }
    }

    /// <summary>Changes the import while this attempt still holds it; answers 0 when it no longer does.</summary>
    private static Task<int> SetAsync(
        NpgsqlConnection connection,
        SubscriberImport import,
        int attempt,
        string assignments,
        CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters) =>
        ExecuteAsync(
            connection,
            $"""UPDATE "SubscriberImports" SET {assignments} WHERE "Id" = @id AND "Attempts" = @attempt AND "Status" = 'Running'""",
            cancellationToken,
            [.. parameters, ("id", import.Id), ("attempt", attempt)]);

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // No command timeout: a merge of millions of rows takes longer than the default 30 seconds.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.Value.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(
        NpgsqlConnection connection,
        string sql,
        CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>What the heartbeat reports, written by the reading loop and read by the heartbeat.</summary>
    private sealed class ImportProgress
    {
        private long good;
        private long bad;
        private long bytes;

        public long Good => Interlocked.Read(ref good);

        public long Bad => Interlocked.Read(ref bad);

        public long Bytes => Interlocked.Read(ref bytes);

        public volatile bool LeaseLost;

        public long AddGood(long position)
        {
            Interlocked.Exchange(ref bytes, position);
            return Interlocked.Increment(ref good);
        }

        public void AddBad() => Interlocked.Increment(ref bad);
    }
}
