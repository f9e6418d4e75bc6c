using System.Globalization;
using System.Text;
using CsvHelper;
using Sanatorium.Core;
using Sanatorium.Core.Subscribers;

namespace Sanatorium.Infrastructure.Subscribers;

/// <summary>Why a row of an import was refused; the bad-rows file names it.</summary>
public enum ImportRowProblem
{
    /// <summary>The row has no cell in the e-mail column.</summary>
    NoEmail,

    /// <summary>The address breaks <see cref="SubscriberEmail.TryNormalize"/>.</summary>
    Email,

    /// <summary>Neither ru, en nor empty.</summary>
    Language,

    /// <summary>Longer than <see cref="Subscriber.MaxNameLength"/>.</summary>
    Name,

    /// <summary>A quote where CSV does not allow one.</summary>
    Quotes,

    /// <summary>A NUL character (which PostgreSQL cannot store) or bytes that are not UTF-8.</summary>
    Text,
}

/// <summary>A row that passed the checks, in the form the staging table takes, with where it starts in the file (for the progress bar).</summary>
public readonly record struct ImportRow(long Line, string Email, Language Language, string? Name, long ByteOffset);

/// <summary>
/// The rows of an uploaded file, read once with CsvHelper's streaming reader and checked one by one
/// against the same rules as the footer form: the address rule, a language of ru or en (empty means
/// Russian), a name that fits, text that is UTF-8. <see cref="Read"/> yields the good rows and hands
/// each refused one to <c>refused</c> with its line number (of the file, as an editor shows it: the
/// header counts) and raw text. A line with broken quoting is refused on its own: a quoted value may
/// not run over a line break, so one stray quote cannot swallow the rest of the file.
/// </summary>
public static class ImportRows
{
    /// <summary>The longest line read; a longer one stops the import (no subscriber list has one).</summary>
    public const int MaxLineBytes = 1 << 20;

    public static CsvReaderOptions Options(char separator, bool hasHeader, Action<CsvMalformedRecord>? malformed = null) => new()
    {
        Separator = separator,
        HasHeader = hasHeader,
        AllowLineBreaksInQuotes = false,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        MaxRecordSize = MaxLineBytes,
        MalformedData = malformed is null ? CsvMalformedDataHandling.Recover : CsvMalformedDataHandling.Skip,
        OnMalformedRecord = malformed,
        MissingField = CsvMissingFieldHandling.ReturnEmpty,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
    };

    public static IEnumerable<ImportRow> Read(
        Stream file,
        SubscriberImport import,
        Action<long, ImportRowProblem, string> refused)
    {
        using var reader = CsvReader.Create(
            file,
            Options(import.Delimiter, import.HasHeader, bad => refused(bad.LineNumber, ImportRowProblem.Quotes, bad.RawRecord)),
            leaveOpen: true);
        while (reader.Read())
        {
            if (Check(reader, import, out var row) is { } problem)
            {
                refused(reader.LineNumber, problem, Encoding.UTF8.GetString(reader.RawRecord));
            }
            else
            {
                yield return row;
            }
        }
    }

    private static ImportRowProblem? Check(CsvReader reader, SubscriberImport import, out ImportRow row)
    {
        row = default;
        if (import.EmailColumn >= reader.FieldCount)
        {
            return ImportRowProblem.NoEmail;
        }

        var email = reader.GetString(import.EmailColumn);
        var language = Cell(reader, import.LanguageColumn)?.Trim();
        var name = Cell(reader, import.NameColumn)?.Trim();
        if (Broken(email) || Broken(language) || Broken(name))
        {
            return ImportRowProblem.Text;
        }

        if (!SubscriberEmail.TryNormalize(email, out var address))
        {
            return ImportRowProblem.Email;
        }

        if (ParseLanguage(language) is not { } parsed)
        {
            return ImportRowProblem.Language;
        }

        if (name?.Length > Subscriber.MaxNameLength)
        {
            return ImportRowProblem.Name;
        }

        row = new ImportRow(reader.LineNumber, address, parsed, string.IsNullOrEmpty(name) ? null : name, reader.ByteOffset);
        return null;
    }

    /// <summary>A NUL (PostgreSQL cannot store one) or bytes that were not UTF-8 (read as U+FFFD).</summary>
    private static bool Broken(string? text) => text is not null && text.AsSpan().IndexOfAny('\0', '\uFFFD') >= 0;

    private static string? Cell(CsvReader reader, int? column) =>
        column is { } c && c < reader.FieldCount ? reader.GetString(c) : null;

    private static Language? ParseLanguage(string? text) =>
        text?.ToLower(CultureInfo.InvariantCulture) switch
        {
            null or "" or "ru" => Language.Ru,
            "en" => Language.En,
            _ => null,
        };
}
