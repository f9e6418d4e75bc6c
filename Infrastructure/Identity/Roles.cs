namespace Sanatorium.Infrastructure.Identity;

/// <summary>The back office roles. Administrators may do everything.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Marketer = "Marketer";

    public static IReadOnlyList<string> All { get; } = [Administrator, Editor, Marketer];
}
