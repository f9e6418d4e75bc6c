using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Sanatorium.Core;
using Sanatorium.Core.Content;

namespace Sanatorium.Web.Admin.Content;

/// <summary>
/// What changed between two drafts, field by field and line by line (DiffPlex), for the history page.
/// The work is bounded: lines both versions share at the start and end are set aside without splitting
/// them, long runs of unchanged lines are shown as their count, and a field whose changed part is longer than
/// <see cref="MaxComparedLines"/> is reported as rewritten rather than compared (comparing grows with the
/// length times the number of changes: two 100,000-character fields of short lines took seconds).
/// </summary>
public static class RevisionDiff
{
    public const int MaxComparedLines = 1000;

    /// <summary>Unchanged lines shown on each side of a change.</summary>
    private const int Context = 3;

    public static IReadOnlyList<FieldChange> Between(ContentKindDescription kind, Draft before, Draft after)
    {
        var changes = new List<FieldChange>();
        foreach (var language in Languages.All)
        {
            foreach (var field in kind.Fields)
            {
                var old = before.Fields(language).GetValueOrDefault(field) ?? "";
                var @new = after.Fields(language).GetValueOrDefault(field) ?? "";
                if (old != @new)
                {
                    changes.Add(Compare(language, field, old, @new));
                }
            }
        }

        return changes;
    }

    private static FieldChange Compare(Language language, string field, string before, string after)
    {
        var (old, @new) = (before.ReplaceLineEndings("\n"), after.ReplaceLineEndings("\n"));

        // The lines both versions start with: those that end inside their common beginning.
        var start = old.AsSpan(0, old.AsSpan().CommonPrefixLength(@new)).LastIndexOf('\n') + 1;

        // The lines both versions end with: those after the first line break inside their common ending.
        var common = 0;
        var most = Math.Min(old.Length, @new.Length) - start;
        while (common < most && old[^(common + 1)] == @new[^(common + 1)])
        {
            common++;
        }

        var lineBreak = old.AsSpan(old.Length - common).IndexOf('\n');
        var end = lineBreak < 0 ? old.Length : old.Length - common + lineBreak;
        var (oldChanged, newChanged) = (old[start..end], @new[start..^(old.Length - end)]);

        var (oldLines, newLines) = (LineCount(oldChanged), LineCount(newChanged));
        if (oldLines + newLines > MaxComparedLines)
        {
            return new FieldChange(language, field, [], Rewritten: (oldLines, newLines));
        }

        var lines = new List<Line>();
        if (start > 0)
        {
            lines.AddRange(Unchanged(old[..(start - 1)], first: 0, last: Context));
        }

        lines.AddRange(Collapse(Middle(oldChanged, newChanged).ToList()));
        if (end < old.Length)
        {
            lines.AddRange(Unchanged(old[(end + 1)..], first: Context, last: 0));
        }

        return new FieldChange(language, field, lines, Rewritten: null);
    }

    private static int LineCount(string text) => text.AsSpan().Count('\n') + 1;

    private static Line Same(string text) => new(ChangeType.Unchanged, text);

    private static IEnumerable<Line> Middle(string old, string @new) => old.Length == 0 || @new.Length == 0
        ? old.Split('\n').Select(l => new Line(ChangeType.Deleted, l)).Concat(@new.Split('\n').Select(l => new Line(ChangeType.Inserted, l)))
        : InlineDiffBuilder.Diff(old, @new).Lines.Select(l => new Line(l.Type, l.Text));

    /// <summary>Unchanged lines as shown: the <paramref name="first"/> and <paramref name="last"/> ones, and how many there are between.</summary>
    private static IEnumerable<Line> Unchanged(string text, int first, int last)
    {
        var count = LineCount(text);
        if (count <= first + last + 1)
        {
            return text.Split('\n').Select(Same);
        }

        var headEnd = -1;
        for (var i = 0; i < first; i++)
        {
            headEnd = text.IndexOf('\n', headEnd + 1);
        }

        var tailStart = text.Length;
        for (var i = 0; i < last; i++)
        {
            tailStart = text.LastIndexOf('\n', tailStart - 1);
        }

        var head = first == 0 ? [] : text[..headEnd].Split('\n');
        var tail = last == 0 ? [] : text[(tailStart + 1)..].Split('\n');
        return head.Select(Same)
            .Append(new Line(ChangeType.Imaginary, "", Skipped: count - first - last))
            .Concat(tail.Select(Same));
    }

    /// <summary>Keeps <see cref="Context"/> unchanged lines next to each change and replaces the rest of a run by its count.</summary>
    private static List<Line> Collapse(List<Line> lines)
    {
        var shown = new List<Line>();
        var i = 0;
        while (i < lines.Count)
        {
            var run = i;
            while (run < lines.Count && lines[run].Type == ChangeType.Unchanged)
            {
                run++;
            }

            var keepBefore = i == 0 ? 0 : Context;
            var keepAfter = run == lines.Count ? 0 : Context;
            if (run - i > keepBefore + keepAfter + 1)
            {
                shown.AddRange(lines.GetRange(i, keepBefore));
                shown.Add(new Line(ChangeType.Imaginary, "", Skipped: run - i - keepBefore - keepAfter));
                shown.AddRange(lines.GetRange(run - keepAfter, keepAfter));
            }
            else
            {
                shown.AddRange(lines.GetRange(i, run - i));
            }

            i = run;
            while (i < lines.Count && lines[i].Type != ChangeType.Unchanged)
            {
                shown.Add(lines[i++]);
            }
        }

        return shown;
    }

    /// <param name="Rewritten">When the changed part was too long to compare: how many lines it had before and after.</param>
    public sealed record FieldChange(Language Language, string Field, IReadOnlyList<Line> Lines, (int Before, int After)? Rewritten);

    /// <summary>A line of a comparison; <see cref="ChangeType.Imaginary"/> stands for <paramref name="Skipped"/> unchanged lines not shown.</summary>
    public sealed record Line(ChangeType Type, string Text, int Skipped = 0);
}
