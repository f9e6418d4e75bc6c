namespace Sanatorium.Web;

/// <summary>
/// Marker for the UI strings of staff accounts (second factor, password reset, own account, user
/// management, audit log) in Resources/AccountResource*.resx (Russian is the neutral language).
/// </summary>
public sealed class AccountResource
{
}
