using System.Globalization;
using System.Linq.Expressions;

namespace Sanatorium.Core.Content;

/// <summary>
/// An offer the newsletter is about: shown on the home page and the promotions page from its first
/// to its last day (resort time), hidden by itself afterwards.
/// </summary>
public sealed class Promotion : TranslatedEntity<PromotionTranslation>
{
    private Promotion()
    {
    }

    public Promotion(string key, DateOnly startsOn, DateOnly endsOn)
    {
        Key = key;
        StartsOn = startsOn;
        EndsOn = endsOn;
    }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    /// <summary>The uploaded picture (a <see cref="MediaFile"/>), if any; its alt text is per language.</summary>
    public Guid? ImageId { get; private set; }

    public override ContentKind Kind => ContentKind.Promotion;

    /// <summary>The promotions running on <paramref name="day"/>, as a query condition (the rule every list of promotions uses).</summary>
    public static Expression<Func<Promotion, bool>> RunningOn(DateOnly day) => p => p.StartsOn <= day && day <= p.EndsOn;

    protected override PromotionTranslation NewTranslation(Language language, string slug, string title) =>
        new(language, slug, title);

    public override Dictionary<string, string> ReadShared()
    {
        var shared = base.ReadShared();
        shared[ContentFields.StartsOn] = StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        shared[ContentFields.EndsOn] = EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        shared[ContentFields.ImageId] = ImageId?.ToString() ?? "";
        return shared;
    }

    public override void WriteShared(IReadOnlyDictionary<string, string> shared)
    {
        base.WriteShared(shared);
        if (ContentFields.TryParseDate(shared.GetValueOrDefault(ContentFields.StartsOn), out var starts))
        {
            StartsOn = starts;
        }

        if (ContentFields.TryParseDate(shared.GetValueOrDefault(ContentFields.EndsOn), out var ends))
        {
            EndsOn = ends;
        }

        if (shared.TryGetValue(ContentFields.ImageId, out var image))
        {
            ImageId = Guid.TryParse(image, out var id) ? id : null;
        }
    }
}

public sealed class PromotionTranslation : Translation
{
    private PromotionTranslation()
    {
    }

    public PromotionTranslation(Language language, string slug, string title)
    {
        Language = language;
        Slug = slug;
        Title = title;
    }

    public int PromotionId { get; private set; }

    /// <summary>The offer in Markdown.</summary>
    public string Text { get; set; } = "";

    /// <summary>What the picture shows, for those who cannot see it; required when there is a picture.</summary>
    public string ImageAlt { get; set; } = "";

    public override Dictionary<string, string> ReadFields()
    {
        var fields = base.ReadFields();
        fields[ContentFields.Text] = Text;
        fields[ContentFields.ImageAlt] = ImageAlt;
        return fields;
    }

    public override void WriteFields(IReadOnlyDictionary<string, string> fields)
    {
        base.WriteFields(fields);
        Text = fields.GetValueOrDefault(ContentFields.Text, Text);
        ImageAlt = fields.GetValueOrDefault(ContentFields.ImageAlt, ImageAlt);
    }
}
