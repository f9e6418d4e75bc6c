using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Infrastructure.Subscribers;

/// <summary>
/// HMAC-SHA256 under a secret key of the site's own (made on first use, kept in PostgreSQL and
/// shared by every instance): the consent record keeps the hash of the client's IP address, and the
/// suppression list the hash of an erased address, so neither can be read back or guessed from a list.
/// </summary>
public sealed class SubscriberHasher(IServiceScopeFactory scopes)
{
    private const string KeyName = "subscriber-hash";

    private byte[]? key;

    public async ValueTask<byte[]> HashAsync(string value, CancellationToken cancellationToken) =>
        Hash(key ?? await LoadKeyAsync(cancellationToken), value);

    /// <summary>The key itself, for code that hashes many values in a loop (the CSV import).</summary>
    public async ValueTask<byte[]> KeyAsync(CancellationToken cancellationToken) =>
        key ?? await LoadKeyAsync(cancellationToken);

    public static byte[] Hash(byte[] key, string value) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value));

    private async Task<byte[]> LoadKeyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SanatoriumDbContext>();
        var candidate = RandomNumberGenerator.GetBytes(32);
        // The first instance to get here stores its key; the others read that one.
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "SiteSecrets" ("Name", "Value") VALUES ({KeyName}, {candidate}) ON CONFLICT DO NOTHING""",
            cancellationToken);
        key = await db.SiteSecrets.Where(s => s.Name == KeyName).Select(s => s.Value).SingleAsync(cancellationToken);
        return key;
    }
}
