using Microsoft.AspNetCore.Mvc;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Content;

namespace Sanatorium.Web.Areas.Admin.Pages.Content;

/// <summary>The list of one kind of content: each language's status, its scheduled publication, search and ordering.</summary>
public sealed class IndexModel(ContentEditor editor, ContentSchedule schedule, TimeProvider time) : ContentPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "order")]
    public string? Order { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var latest = await editor.LatestOfKindAsync(Kind, cancellationToken);
        var scheduled = await schedule.OfKindAsync(Kind, cancellationToken);
        var rows = (await editor.ListAsync(Kind, cancellationToken)).Select(entity =>
        {
            var revision = latest.GetValueOrDefault(entity.Id);
            var draft = revision?.Draft ?? entity.ToDraft();
            var title = draft.Title() ?? $"#{entity.Id}";
            return new Row(
                entity.Id,
                title,
                Languages.All.ToDictionary(l => l, l => TranslationStatuses.Of(entity, revision?.Draft, l, now)),
                revision?.CreatedAt,
                revision?.Author,
                scheduled.GetValueOrDefault(entity.Id)?.PublishAt);
        });

        if (!string.IsNullOrWhiteSpace(Search))
        {
            rows = rows.Where(r => r.Title.Contains(Search.Trim(), StringComparison.CurrentCultureIgnoreCase));
        }

        Rows = (Order == "updated"
            ? rows.OrderByDescending(r => r.UpdatedAt ?? DateTimeOffset.MinValue)
            : Order == "title" ? rows.OrderBy(r => r.Title, StringComparer.CurrentCultureIgnoreCase) : rows).ToList();
    }

    public sealed record Row(
        int Id,
        string Title,
        IReadOnlyDictionary<Language, TranslationStatus> Statuses,
        DateTimeOffset? UpdatedAt,
        string? UpdatedBy,
        DateTimeOffset? ScheduledFor);
}
