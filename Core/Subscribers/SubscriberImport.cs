namespace Sanatorium.Core.Subscribers;

/// <summary>Where a CSV import is: uploaded (waiting for its mapping), queued, running, done or failed.</summary>
public enum SubscriberImportStatus
{
    Uploaded,
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>What an import does with the consent of the people in the file.</summary>
public enum SubscriberImportMode
{
    /// <summary>The marketer attests that these people consented: they come in confirmed, with that attestation recorded.</summary>
    Attested,

    /// <summary>They come in pending and each is sent a confirmation mail (double opt-in).</summary>
    Confirm,
}

/// <summary>
/// A CSV file of subscribers a marketer uploaded, how its columns map, and what the background
/// import made of it. The file itself is on disk (<see cref="StoredPath"/>); rows that could not be
/// imported are written next to it with their line number and reason.
/// </summary>
public sealed class SubscriberImport
{
    public const int MaxFileNameLength = 255;

    public const int MaxErrorLength = 1000;

    /// <summary>Runs before an import is given up as failed: a crash, a restart or a lost database connection each cost one.</summary>
    public const int MaxAttempts = 3;

    private SubscriberImport()
    {
    }

    public SubscriberImport(string uploadedBy, DateTimeOffset uploadedAt, string fileName, string storedPath, long bytesTotal)
    {
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
        FileName = fileName;
        StoredPath = storedPath;
        BytesTotal = bytesTotal;
    }

    public long Id { get; private set; }

    /// <summary>The member of staff who uploaded the file (and who attests consent in <see cref="SubscriberImportMode.Attested"/> mode).</summary>
    public string UploadedBy { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>The name the file had on the marketer's computer (for display only).</summary>
    public string FileName { get; private set; } = "";

    /// <summary>Where the upload is kept on the server.</summary>
    public string StoredPath { get; private set; } = "";

    public SubscriberImportStatus Status { get; set; }

    public SubscriberImportMode Mode { get; set; }

    public char Delimiter { get; set; } = ',';

    public bool HasHeader { get; set; }

    /// <summary>Zero-based column of the e-mail address.</summary>
    public int EmailColumn { get; set; }

    public int? LanguageColumn { get; set; }

    public int? NameColumn { get; set; }

    public long BytesTotal { get; private set; }

    public long BytesProcessed { get; set; }

    /// <summary>Data rows read so far (the header not counted).</summary>
    public long Rows { get; set; }

    /// <summary>New subscribers.</summary>
    public long Added { get; set; }

    /// <summary>Rows for an address already on the list or earlier in the file.</summary>
    public long Merged { get; set; }

    /// <summary>Rows for an erased (suppressed) or unsubscribed address: never added again.</summary>
    public long Skipped { get; set; }

    /// <summary>Rows refused (a malformed address, an unknown language, a name too long); listed in the bad-rows file.</summary>
    public long BadRows { get; set; }

    public string? Error { get; set; }

    /// <summary>The lowest and highest ids the new subscribers got (a form subscription at the same time may have one in between); null when none was added.</summary>
    public long? AddedFromId { get; set; }

    public long? AddedToId { get; set; }

    /// <summary>
    /// In <see cref="SubscriberImportMode.Confirm"/> mode, the highest subscriber id whose confirmation
    /// mail is in the outbox: the mails are queued in batches after the import, and this is where the
    /// next batch starts. Equal to <see cref="AddedToId"/> when all are queued.
    /// </summary>
    public long? ConfirmationsQueuedToId { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>How many times a worker took the import up.</summary>
    public int Attempts { get; set; }

    /// <summary>Until when the worker running it holds it; it renews this as it goes, so a crashed worker's import is taken up again.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>What the consent record of its subscribers names as the source ("import 12").</summary>
    public string ConsentSource => $"import {Id}";

    public bool IsFinished => Status is SubscriberImportStatus.Done or SubscriberImportStatus.Failed;
}
