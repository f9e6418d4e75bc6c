using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sanatorium.Infrastructure.Identity;
using Sanatorium.Infrastructure.Seed;

namespace Sanatorium.Infrastructure.Data;

/// <summary>
/// Brings the database up to date: creates it if needed, applies migrations, seeds content and
/// the first administrator, and makes the Data Protection key ring's first key. Runs under a
/// PostgreSQL advisory lock so that several instances starting together take turns instead of racing.
/// </summary>
public sealed class DatabaseInitializer(
    SanatoriumDbContext db,
    ContentSeeder content,
    AdministratorSeeder administrators,
    IDataProtectionProvider protection,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>The advisory lock key every instance of the site agrees on.</summary>
    public const long LockKey = 7_214_530_112_001;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await CreateDatabaseIfMissingAsync(cancellationToken);

        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        // However long another instance's migrations take: not the connection string's command timeout.
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 })
        {
            take.Parameters.AddWithValue("key", LockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            // Creating the history table first spares a new database EF's logged error about it missing.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            await content.SeedAsync(cancellationToken);
            await administrators.SeedAsync(cancellationToken);
            // Protecting anything reads the key ring, and makes its first key if it has none: here the
            // first instance makes it and the others find it. Instances that each made a key of their
            // own at once would not read each other's cookies and links once their key rings are cached.
            protection.CreateProtector(nameof(DatabaseInitializer)).Protect([]);
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", LockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task CreateDatabaseIfMissingAsync(CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
            logger.LogInformation("Created the database.");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance created it a moment ago.
        }
    }
}
