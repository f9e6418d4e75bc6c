using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Sanatorium.Core;
using Sanatorium.Core.Content;

namespace Sanatorium.Web.Admin;

/// <summary>What changed between two drafts, field by field and line by line (DiffPlex), for the history page.</summary>
public static class RevisionDiff
{
    public static IReadOnlyList<FieldChange> Between(ContentKind kind, Draft before, Draft after)
    {
        var changes = new List<FieldChange>();
        foreach (var language in Languages.All)
        {
            foreach (var field in ContentFields.For(kind))
            {
                var old = before.Fields(language).GetValueOrDefault(field) ?? "";
                var @new = after.Fields(language).GetValueOrDefault(field) ?? "";
                if (old != @new)
                {
                    changes.Add(new FieldChange(language, field, InlineDiffBuilder.Diff(old, @new).Lines));
                }
            }
        }

        return changes;
    }

    public sealed record FieldChange(Language Language, string Field, IReadOnlyList<DiffPiece> Lines);
}
