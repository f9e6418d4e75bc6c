namespace Sanatorium.Infrastructure.Subscribers;

/// <summary><c>Import:*</c>: where uploaded CSV files are kept, and how large one may be.</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The folder for uploads and their bad-row files; by default a folder in the system's temporary directory.</summary>
    public string Directory { get; set; } = Path.Combine(Path.GetTempPath(), "sanatorium-imports");

    /// <summary>The largest upload taken, in bytes (default 1 GiB).</summary>
    public long MaxFileBytes { get; set; } = 1L << 30;
}
