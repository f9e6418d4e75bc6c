namespace Sanatorium.Infrastructure.Options;

/// <summary><c>Admin:*</c>: the first administrator, created at start when no user exists.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }
}
