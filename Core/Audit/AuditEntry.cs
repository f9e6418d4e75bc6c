namespace Sanatorium.Core.Audit;

/// <summary>One thing a member of staff did in the back office: who, when, what, to what.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(DateTimeOffset at, string user, string action, string target, string details)
    {
        At = at;
        User = user;
        Action = action;
        Target = target;
        Details = details;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The e-mail of the member of staff (or "system").</summary>
    public string User { get; private set; } = "";

    /// <summary>A short verb such as <c>login.failed</c>, <c>treatment.published</c>, <c>user.locked</c>.</summary>
    public string Action { get; private set; } = "";

    public string Target { get; private set; } = "";

    public string Details { get; private set; } = "";
}
