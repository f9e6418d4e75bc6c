namespace Sanatorium.Infrastructure.Options;

/// <summary><c>ConnectionStrings:Sanatorium</c> and <c>Database:MigrateOnStartup</c>.</summary>
public sealed class DatabaseOptions
{
    public const string ConnectionStringName = "Sanatorium";

    public string ConnectionString { get; set; } = "";

    /// <summary>Apply migrations and seed content when the site starts (default true).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
