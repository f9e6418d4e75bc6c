namespace Sanatorium.Core.Content;

/// <summary>
/// One save of a piece of content: numbered 1, 2, 3... per piece, with who saved it and when.
/// The newest revision is the draft; publishing copies it to what visitors see.
/// </summary>
public sealed class ContentRevision
{
    /// <summary>
    /// The number of the revision that keeps what visitors saw before the first edit of content that
    /// was published without one (the seed), so that revision 1 is compared with it. Saved with
    /// revision 1, never the newest, not listed in the history.
    /// </summary>
    public const int PublishedBeforeEditing = 0;

    private ContentRevision()
    {
    }

    public ContentRevision(ContentKind kind, int entityId, int number, DateTimeOffset createdAt, string author, Draft draft)
    {
        Kind = kind;
        EntityId = entityId;
        Number = number;
        CreatedAt = createdAt;
        Author = author;
        Data = draft.ToJson();
    }

    public long Id { get; private set; }

    public ContentKind Kind { get; private set; }

    public int EntityId { get; private set; }

    public int Number { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string Author { get; private set; } = "";

    /// <summary>The <see cref="Draft"/> as JSON.</summary>
    public string Data { get; private set; } = "";

    public Draft Draft => Draft.FromJson(Data);
}
