namespace Sanatorium.Core.Content;

/// <summary>
/// A draft an editor set to go live at a time: revision <see cref="Revision"/> of one piece of content is
/// published at <see cref="PublishAt"/> by whichever instance gets there first. At most one per piece.
/// </summary>
public sealed class ScheduledPublication
{
    private ScheduledPublication()
    {
    }

    public ScheduledPublication(ContentKind kind, int entityId, int revision, DateTimeOffset publishAt, string scheduledBy, DateTimeOffset scheduledAt)
    {
        Kind = kind;
        EntityId = entityId;
        Revision = revision;
        PublishAt = publishAt;
        ScheduledBy = scheduledBy;
        ScheduledAt = scheduledAt;
    }

    public long Id { get; private set; }

    public ContentKind Kind { get; private set; }

    public int EntityId { get; private set; }

    /// <summary>The number of the <see cref="ContentRevision"/> that goes live.</summary>
    public int Revision { get; private set; }

    public DateTimeOffset PublishAt { get; private set; }

    public string ScheduledBy { get; private set; } = "";

    public DateTimeOffset ScheduledAt { get; private set; }
}
