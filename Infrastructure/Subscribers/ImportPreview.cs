using System.Text;
using CsvHelper;
using Sanatorium.Core.Subscribers;

namespace Sanatorium.Infrastructure.Subscribers;

/// <summary>Why an uploaded file cannot be imported at all, found before anything is imported.</summary>
public enum ImportFileProblem
{
    None,
    Empty,

    /// <summary>Not text: NUL bytes, as in a spreadsheet, an archive or a picture.</summary>
    Binary,

    /// <summary>Text, but not UTF-8 (Windows-1251, say).</summary>
    NotUtf8,
}

/// <summary>
/// The first rows of an uploaded CSV file as the mapping page shows them, with what the file looks
/// like: its delimiter (<c>,</c> or <c>;</c>, whichever the first line has more of outside quotes,
/// unless the marketer chose one), whether its first row is a header (no address in it), and a guess
/// at which column holds what. <see cref="Rows"/> are the first rows, the header among them. Only the
/// first <see cref="SampleBytes"/> are read.
/// </summary>
public sealed record ImportPreview(
    char Delimiter,
    bool HasHeader,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    int ColumnCount,
    int? EmailColumn,
    int? LanguageColumn,
    int? NameColumn)
{
    public const int SampleBytes = 64 * 1024;

    public const int SampleRows = 10;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<(ImportPreview? Preview, ImportFileProblem Problem)> ReadAsync(string path, char? delimiter, CancellationToken cancellationToken)
    {
        var buffer = new byte[SampleBytes];
        int length;
        await using (var file = File.OpenRead(path))
        {
            length = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        }

        var bytes = buffer.AsSpan(0, length);
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[3..];
        }

        if (bytes.IndexOf((byte)0) >= 0)
        {
            return (null, ImportFileProblem.Binary);
        }

        // A sample cut short may end inside a line (and inside a character): keep whole lines.
        if (length == buffer.Length && bytes.LastIndexOf((byte)'\n') is var end and > 0)
        {
            bytes = bytes[..(end + 1)];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, ImportFileProblem.NotUtf8);
        }

        var separator = delimiter ?? DetectDelimiter(text);
        var rows = Parse(text, separator);
        return rows.Count == 0 ? (null, ImportFileProblem.Empty) : (Describe(rows, separator), ImportFileProblem.None);
    }

    private static char DetectDelimiter(string text)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted)
            {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    private static List<string[]> Parse(string text, char delimiter)
    {
        var rows = new List<string[]>();
        using var reader = CsvReader.FromText(text, ImportRows.Options(delimiter, hasHeader: false));
        while (rows.Count <= SampleRows && reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return rows;
    }

    private static ImportPreview Describe(List<string[]> rows, char delimiter)
    {
        var hasHeader = !rows[0].Any(cell => SubscriberEmail.TryNormalize(cell, out _));
        var header = hasHeader ? rows[0] : [];
        var data = (hasHeader ? rows.Skip(1) : rows).Take(SampleRows).ToList();
        var columns = rows.Max(r => r.Length);
        int? Named(params string[] words) =>
            Array.FindIndex(header, h => words.Any(w => h.Contains(w, StringComparison.OrdinalIgnoreCase))) is var i and >= 0 ? i : null;
        int? WithAddresses() =>
            Enumerable.Range(0, columns).Cast<int?>()
                .FirstOrDefault(c => data.Any(r => c < r.Length && SubscriberEmail.TryNormalize(r[c!.Value], out _)));

        return new ImportPreview(
            delimiter,
            hasHeader,
            rows,
            columns,
            Named("mail", "почт") ?? WithAddresses(),
            Named("lang", "язык"),
            Named("name", "имя", "фио"));
    }
}
