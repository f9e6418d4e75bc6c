using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Sanatorium.Core;
using Sanatorium.Infrastructure.Subscribers;

namespace Sanatorium.Web.Areas.Admin.Pages.Marketing.Imports;

/// <summary>What became of an upload: a file on disk, or the status and message key to answer with.</summary>
public sealed record UploadOutcome(string? StoredPath, string FileName, long Bytes, int Status, string? Problem);

/// <summary>
/// Reads a CSV upload as it arrives, section by section (<see cref="MultipartReader"/>), and streams
/// the file to <c>Import:Directory</c>: a file of hundreds of megabytes is never held in memory. The
/// antiforgery token must come before the file (the form puts it first) and is checked as soon as it
/// is read, before a byte of the file is written. The body may be as large as <c>Import:MaxFileBytes</c>, for this request only.
/// </summary>
public sealed class ImportUpload(IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions, IOptions<ImportOptions> options)
{
    /// <summary>Room for the form's other parts (token, headers, boundaries) beside the file.</summary>
    private const long Envelope = 64 * 1024;

    private const int MaxTokenLength = 4096;

    public long MaxFileBytes => options.Value.MaxFileBytes;

    public async Task<UploadOutcome> SaveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary) is not { Length: > 0 and <= 70 } boundary)
        {
            return Refused(StatusCodes.Status400BadRequest);
        }

        // A body announced larger than the limit is refused before a byte of it is read.
        if (request.ContentLength > MaxFileBytes + Envelope)
        {
            return Refused(StatusCodes.Status413PayloadTooLarge, "FileTooLarge");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxFileBytes + Envelope;
        }

        var reader = new MultipartReader(boundary.ToString(), request.Body) { BodyLengthLimit = MaxFileBytes + Envelope };
        string? token = null;
        string? stored = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                if (disposition.IsFormDisposition())
                {
                    if (HeaderUtilities.RemoveQuotes(disposition.Name).Equals(antiforgeryOptions.Value.FormFieldName, StringComparison.Ordinal))
                    {
                        // Checked at once: nothing is done for a request without a valid token.
                        token = await ReadTokenAsync(section.Body, cancellationToken);
                        if (token is null || !await TokenIsValidAsync(context, token))
                        {
                            return Refused(StatusCodes.Status400BadRequest);
                        }
                    }

                    continue;
                }

                if (!disposition.IsFileDisposition())
                {
                    continue;
                }

                if (token is null)
                {
                    return Refused(StatusCodes.Status400BadRequest);
                }

                var fileName = FileName(disposition);
                if (fileName.Length == 0)
                {
                    return Refused(StatusCodes.Status200OK, "ChooseFile");
                }

                Directory.CreateDirectory(options.Value.Directory);
                stored = Path.Combine(options.Value.Directory, $"{Guid.NewGuid():N}.csv");
                var bytes = await CopyAsync(section.Body, stored, cancellationToken);
                if (bytes > MaxFileBytes)
                {
                    File.Delete(stored);
                    return Refused(StatusCodes.Status413PayloadTooLarge, "FileTooLarge");
                }

                return new UploadOutcome(stored, fileName, bytes, StatusCodes.Status200OK, bytes == 0 ? "FileEmpty" : null);
            }

            return token is null ? Refused(StatusCodes.Status400BadRequest) : Refused(StatusCodes.Status200OK, "ChooseFile");
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException)
        {
            if (stored is not null)
            {
                File.Delete(stored);
            }

            // Kestrel's body limit answers 413; a broken multipart body or a client that went away, 400.
            var status = (e as BadHttpRequestException)?.StatusCode ?? StatusCodes.Status400BadRequest;
            return Refused(status, status == StatusCodes.Status413PayloadTooLarge ? "FileTooLarge" : null);
        }
    }

    private static UploadOutcome Refused(int status, string? problem = null) => new(null, "", 0, status, problem);

    private async Task<bool> TokenIsValidAsync(HttpContext context, string token)
    {
        // The antiforgery check reads the token from the form: give it a form that holds only the token.
        context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(new Dictionary<string, StringValues>
        {
            [antiforgeryOptions.Value.FormFieldName] = token,
        })));
        return await antiforgery.IsRequestValidAsync(context);
    }

    private static async Task<string?> ReadTokenAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, leaveOpen: true);
        var buffer = new char[MaxTokenLength + 1];
        var length = await reader.ReadBlockAsync(buffer, cancellationToken);
        return length > MaxTokenLength ? null : new string(buffer, 0, length);
    }

    /// <summary>Copies the file to disk; stops one byte past the limit (the caller refuses it then).</summary>
    private async Task<long> CopyAsync(Stream body, string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while (total <= MaxFileBytes && (read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            total += read;
        }

        return total;
    }

    /// <summary>The name the file had on the marketer's computer, without a path or control characters, shortened to fit.</summary>
    private static string FileName(ContentDispositionHeaderValue disposition)
    {
        var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
        name = new string(Path.GetFileName(name.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.AtMost(Core.Subscribers.SubscriberImport.MaxFileNameLength);
    }
}
