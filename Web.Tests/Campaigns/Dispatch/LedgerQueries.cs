using Npgsql;
using Sanatorium.Core.Newsletters;

namespace Sanatorium.Web.Tests.Campaigns.Dispatch;

/// <summary>A campaign's state read straight from its database, for tests where only separate site processes run.</summary>
public static class LedgerQueries
{
    public static async Task<int> CountAsync(string connectionString, long campaignId, DeliveryStatus status)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM "CampaignDeliveries" WHERE "CampaignId" = $1 AND "Status" = $2""", connection)
        {
            Parameters = { new() { Value = campaignId }, new() { Value = status.ToString() } },
        };
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<string> StatusAsync(string connectionString, long campaignId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Status" FROM "Campaigns" WHERE "Id" = $1""", connection)
        {
            Parameters = { new() { Value = campaignId } },
        };
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Schedules a draft for now, as a marketer would have (the dispatcher of whichever site runs starts it).</summary>
    public static async Task ScheduleNowAsync(string connectionString, long campaignId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """UPDATE "Campaigns" SET "Status" = 'Scheduled', "ScheduledAt" = now() WHERE "Id" = $1""", connection)
        {
            Parameters = { new() { Value = campaignId } },
        };
        await command.ExecuteNonQueryAsync();
    }
}
