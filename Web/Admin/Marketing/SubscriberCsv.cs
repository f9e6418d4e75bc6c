using System.Globalization;
using CsvHelper;
using Sanatorium.Core;
using Sanatorium.Core.Subscribers;

namespace Sanatorium.Web.Admin.Marketing;

/// <summary>
/// Subscribers as CSV, written row by row to a stream as they are read, so an export of a million
/// never sits in memory. Cells a spreadsheet would run as a formula get a leading apostrophe.
/// </summary>
public static class SubscriberCsv
{
    public static readonly string[] Header =
    [
        "email", "name", "language", "status", "source", "created", "confirmed", "unsubscribed",
        "consent_at", "consent_source", "consent_language", "consent_attested_by",
    ];

    /// <summary>A cell that starts like a formula (OWASP's list: tab and carriage return too) gets an apostrophe in front, and quotes.</summary>
    public static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        InjectionCharacters = "=+-@\t\r",
        InjectionEscape = '\'',
    };

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<Subscriber> subscribers, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
        await csv.WriteRecordAsync(Header, cancellationToken);
        await foreach (var s in subscribers.WithCancellation(cancellationToken))
        {
            csv.WriteField(s.Email);
            csv.WriteField(s.Name ?? "");
            csv.WriteField(s.Language.Code());
            csv.WriteField(s.Status.ToString().ToLowerInvariant());
            csv.WriteField(s.Source.ToString().ToLowerInvariant());
            csv.WriteField(Moment(s.CreatedAt));
            csv.WriteField(Moment(s.ConfirmedAt));
            csv.WriteField(Moment(s.UnsubscribedAt));
            csv.WriteField(Moment(s.ConsentAt));
            csv.WriteField(s.ConsentSource ?? "");
            csv.WriteField(s.ConsentLanguage?.Code() ?? "");
            csv.WriteField(s.ConsentAttestedBy ?? "");
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>A moment in the resort's time with its offset (ISO 8601), or empty.</summary>
    public static string Moment(DateTimeOffset? at) => at is { } moment
        ? TimeZoneInfo.ConvertTime(moment, ResortClock.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
        : "";
}
