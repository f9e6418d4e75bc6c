using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Infrastructure.Identity;

/// <summary>
/// Codes from the authenticator app (RFC 6238: six digits for 30-second steps, accepted up to two
/// steps early or late, as Identity's own provider does), each good once: a code is accepted only
/// for a later step than the last one accepted for the same person. One conditional UPDATE
/// decides, so of two logins with the same code at the same moment exactly one gets in. It replaces
/// Identity's provider, so the login's second step and the two-factor set-up both go through it.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(SanatoriumDbContext db, TimeProvider time)
    : AuthenticatorTokenProvider<ApplicationUser>
{
    private const int StepSeconds = 30;

    private const int StepsEarlyOrLate = 2;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (key is null || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        var keyBytes = FromBase32(key);
        var now = time.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        // The latest step with this code (two steps may share one by chance): the one it spends.
        var step = Enumerable.Range(-StepsEarlyOrLate, 2 * StepsEarlyOrLate + 1)
            .Select(offset => now + offset)
            .LastOrDefault(candidate => Code(keyBytes, candidate) == code, -1);
        if (step < 0)
        {
            return false;
        }

        var userId = user.Id;
        var spent = await db.Users
            .Where(u => u.Id == userId && (u.LastAuthenticatorTimeStep == null || u.LastAuthenticatorTimeStep < step))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastAuthenticatorTimeStep, step));
        return spent == 1;
    }

    /// <summary>HOTP (RFC 4226) for one time step: HMAC-SHA1, dynamic truncation, six digits.</summary>
    [SuppressMessage("Security", "CA5350", Justification = "RFC 6238 authenticator apps compute HMAC-SHA1; the secret is the 160-bit key, not the hash.")]
    private static int Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0f;
        return (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % 1_000_000;
    }

    /// <summary>The key as Identity stores it: Base32 (RFC 4648), upper case, no padding.</summary>
    private static byte[] FromBase32(string key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(key.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in key)
        {
            buffer = ((buffer << 5) | alphabet.IndexOf(char.ToUpperInvariant(c))) & 0xfff;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
            }
        }

        return [.. bytes];
    }
}
