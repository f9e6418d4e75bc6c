namespace Sanatorium.Core.Content;

/// <summary>An uploaded picture, kept in the database so that every instance of the site can serve it.</summary>
public sealed class MediaFile
{
    public const int MaxBytes = 2 * 1024 * 1024;

    private MediaFile()
    {
    }

    public MediaFile(string contentType, byte[] data, DateTimeOffset uploadedAt, string uploadedBy)
    {
        Id = Guid.NewGuid();
        ContentType = contentType;
        Data = data;
        UploadedAt = uploadedAt;
        UploadedBy = uploadedBy;
    }

    public Guid Id { get; private set; }

    public string ContentType { get; private set; } = "";

    public byte[] Data { get; private set; } = [];

    public DateTimeOffset UploadedAt { get; private set; }

    public string UploadedBy { get; private set; } = "";

    /// <summary>The picture type the bytes really are (PNG, JPEG or WebP), whatever the browser claimed; null for anything else.</summary>
    public static string? SniffImageType(ReadOnlySpan<byte> data) => data switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        _ => null,
    };
}
