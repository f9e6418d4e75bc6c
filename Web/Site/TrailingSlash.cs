namespace Sanatorium.Web.Site;

/// <summary>
/// One address per page: a page address with a trailing slash (/treatments/x/) answers 301 to the one
/// without, its query kept. The home pages are the exception, / and /en/ (<see cref="SiteUrls.Home"/>),
/// so /en answers 301 to /en/. Only GET and HEAD are redirected: a browser would turn a redirected POST into a GET.
/// </summary>
internal static class TrailingSlash
{
    private const string EnglishHome = "/en/";

    public static IApplicationBuilder UseCanonicalSlashes(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                || Canonical(request.Path.Value ?? "") is not { } canonical)
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = request.PathBase.Add(new PathString(canonical)).ToUriComponent() + request.QueryString.ToUriComponent();
            return Task.CompletedTask;
        });

    /// <summary>The address <paramref name="path"/> should have been, or null when it is one already (or when it is no page's).</summary>
    public static string? Canonical(string path)
    {
        if (path.Length <= 1 || path == EnglishHome || !(path.EndsWith('/') || path == EnglishHome.TrimEnd('/')))
        {
            return null;
        }

        var trimmed = path.TrimEnd('/');
        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.Contains('\\', StringComparison.Ordinal))
        {
            // Not a page's address, and as a Location it would lead to another site ("//host", "/\host").
            return null;
        }

        return trimmed switch
        {
            "" => "/",
            "/en" => EnglishHome,
            _ => trimmed,
        };
    }
}
