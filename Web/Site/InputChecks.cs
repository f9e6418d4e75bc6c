using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Sanatorium.Web.Site;

/// <summary>
/// Refuses, in one place and before any page runs, input the site cannot take (see
/// docs/decisions/0014-error-answers.md). A NUL character in the query string or a form field answers
/// 400: PostgreSQL cannot store one in text, and nobody types one. A form that cannot be read answers
/// 413 when it breaks a size limit (Kestrel's request body size; FormOptions' value length, field count
/// and multipart limits; a multipart field is held to the same value length as an urlencoded one, which
/// the form reader does not do by itself) and 400 when it is malformed. The status-code pages then explain the refusal
/// in the visitor's language. A page marked <see cref="StreamedUploadAttribute"/> reads its body itself and is left to it.
/// </summary>
internal static class InputChecks
{
    public static IApplicationBuilder UseInputChecks(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Only a request for some page, and once: the status-code pages run the pipeline again for the page that explains a refusal.
            if (context.GetEndpoint() is not null
                && context.Features.Get<IStatusCodeReExecuteFeature>() is null
                && await RefusalAsync(context.Request) is { } status)
            {
                context.Response.StatusCode = status;
                return;
            }

            await next(context);
        });

    private static async Task<int?> RefusalAsync(HttpRequest request)
    {
        if (HasNul(request.Query))
        {
            return StatusCodes.Status400BadRequest;
        }

        if (!request.HasFormContentType || request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<StreamedUploadAttribute>() is not null)
        {
            return null;
        }

        try
        {
            // Read (and kept for model binding and antiforgery) here, so that a failure is answered here.
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            var valueLengthLimit = request.HttpContext.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value.ValueLengthLimit;
            if (form.Any(pair => pair.Value.Any(value => value?.Length > valueLengthLimit)))
            {
                return StatusCodes.Status413PayloadTooLarge;
            }

            return HasNul(form) ? StatusCodes.Status400BadRequest : null;
        }
        catch (BadHttpRequestException exception)
        {
            return exception.StatusCode;
        }
        catch (InvalidDataException exception)
        {
            // The form reader names the limit a form broke only in its message: "Form value count limit 1024 exceeded."
            return exception.Message.Contains(" limit ", StringComparison.Ordinal)
                ? StatusCodes.Status413PayloadTooLarge
                : StatusCodes.Status400BadRequest;
        }
        catch (IOException)
        {
            return StatusCodes.Status400BadRequest;
        }
    }

    private static bool HasNul(IEnumerable<KeyValuePair<string, StringValues>> values) =>
        values.Any(pair => pair.Key.Contains('\0') || pair.Value.Any(value => value?.Contains('\0') == true));
}
