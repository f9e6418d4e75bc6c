using Sanatorium.Core.Content;

namespace Sanatorium.Infrastructure.Data;

public static class PublishedQueries
{
    /// <summary>The translations visitors may see at <paramref name="now"/> (<see cref="Translation.VisibleAt"/>).</summary>
    public static IQueryable<T> Published<T>(this IQueryable<T> translations, DateTimeOffset now)
        where T : Translation =>
        translations.Where(Translation.VisibleAt<T>(now));
}
