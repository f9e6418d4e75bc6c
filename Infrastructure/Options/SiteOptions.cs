using System.ComponentModel.DataAnnotations;

namespace Sanatorium.Infrastructure.Options;

/// <summary><c>Site:*</c>: how the site names itself in absolute links.</summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string Section = "Site";

    /// <summary>Absolute base for canonical, hreflang and e-mail links, for example https://example.org.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>An absolute URL for a site path such as <c>/en/treatments/x</c>.</summary>
    public string Absolute(string path) => new Uri(new Uri(BaseUrl.TrimEnd('/') + "/"), path.TrimStart('/')).AbsoluteUri;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult(
                "Site:BaseUrl must be an absolute http or https URL, for example https://staraya-russa.example.",
                [nameof(BaseUrl)]);
        }
    }
}
