using Sanatorium.Core.Content;

namespace Sanatorium.Web.Site;

// What the public article partials show. The public pages fill them from published content, the
// back office preview from a draft, so a preview is exactly the page visitors will get.

public sealed record TreatmentArticle(TreatmentTranslation Treatment, Link? Profile);

public sealed record ProfileArticle(string Title, string Summary, IReadOnlyList<Link> Treatments);

public sealed record InfoArticle(string Title, string Body);

public sealed record PromotionArticle(
    string Title,
    string Href,
    string Text,
    Guid? ImageId,
    string ImageAlt,
    DateOnly StartsOn,
    DateOnly EndsOn);
