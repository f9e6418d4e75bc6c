using Npgsql;
using Testcontainers.PostgreSql;

namespace Sanatorium.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: the one scripts/test.sh started (SANATORIUM_TEST_POSTGRES,
/// an administrator's connection string), else a Testcontainers container where a Docker engine
/// answers. With neither, tests fail and say how to get one; they never skip.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "SANATORIUM_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Admin = new(StartAsync);

    /// <summary>A connection string for a database of its own that does not exist yet.</summary>
    public static async Task<string> NewDatabaseAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(await Admin.Value)
        {
            Database = "t_" + Guid.NewGuid().ToString("N")[..16],
            Pooling = true,
        };
        return builder.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await Admin.Value);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartAsync()
    {
        var fromScript = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(fromScript))
        {
            return fromScript;
        }

        try
        {
            var container = new PostgreSqlBuilder("postgres:16-alpine").Build();
            await container.StartAsync();
            return container.GetConnectionString();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL server for the tests. Run them with scripts/test.sh (it starts a throwaway " +
                $"cluster), start a Docker engine (Testcontainers), or set {Variable} to an administrator's " +
                $"connection string. Testcontainers said: {e.Message}",
                e);
        }
    }
}
