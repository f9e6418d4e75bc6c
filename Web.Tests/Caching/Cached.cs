using Npgsql;

namespace Sanatorium.Web.Tests.Caching;

/// <summary>What the tests of the output cache share.</summary>
internal static class Cached
{
    public const string Treatment = "/en/treatments/lumbar-pain-syndrome";

    /// <summary>True when the answer came from the output cache (it says how old the copy is).</summary>
    public static bool FromCache(this HttpResponseMessage response) => response.Headers.Age is not null;

    /// <summary>Changes the database with SQL on a connection of its own: no publish, no eviction, as a change nobody announced.</summary>
    public static async Task StraightInDatabaseAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Appends a word to the English title of the seed treatment, straight in the database.</summary>
    public static Task RetitleAsync(string connectionString, string word) =>
        StraightInDatabaseAsync(connectionString, $"""UPDATE "TreatmentTranslations" SET "Title" = "Title" || ' {word}' WHERE "Slug" = 'lumbar-pain-syndrome'""");
}
