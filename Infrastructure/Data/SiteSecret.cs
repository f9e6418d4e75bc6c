namespace Sanatorium.Infrastructure.Data;

/// <summary>
/// A random key the site makes for itself on first use and keeps in PostgreSQL, so every instance
/// uses the same one (for example the key of the subscribers' keyed hashes).
/// </summary>
public sealed class SiteSecret
{
    public required string Name { get; init; }

    public required byte[] Value { get; init; }
}
