namespace Sanatorium.Core.Newsletters;

/// <summary>
/// A promotion newsletter: its words per language (<see cref="CampaignTranslation"/>), the promotions
/// it shows as cards, its audience (confirmed subscribers, all or those of one language) and where it
/// is (<see cref="CampaignStatus"/>). Who got it is the ledger, one <see cref="CampaignDelivery"/> per
/// recipient, written when it starts. See docs/decisions/0022-newsletter-campaigns.md.
/// </summary>
public sealed class Campaign
{
    public const int MaxNameLength = 200;

    public const int MaxErrorLength = 1000;

    /// <summary>The most promotions one campaign shows as cards.</summary>
    public const int MaxPromotions = 6;

    private Campaign()
    {
    }

    public Campaign(string name, string createdBy, DateTimeOffset createdAt)
    {
        Name = name;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        UpdatedBy = createdBy;
        UpdatedAt = createdAt;
    }

    public long Id { get; private set; }

    /// <summary>The marketers' own name for it (never shown to subscribers).</summary>
    public string Name { get; set; } = "";

    /// <summary>Whose language the audience speaks; null for every confirmed subscriber.</summary>
    public Language? AudienceLanguage { get; set; }

    public CampaignStatus Status { get; set; }

    /// <summary>The promotions shown as cards under the body, in this order (ids of <see cref="Content.Promotion"/>).</summary>
    public List<int> PromotionIds { get; set; } = [];

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When a scheduled campaign starts (UTC; the back office shows and takes resort time).</summary>
    public DateTimeOffset? ScheduledAt { get; set; }

    /// <summary>When its ledger was written and sending began.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When the last recipient was served, or it was cancelled.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>
    /// The stand-in for each recipient's unsubscribe link in the rendered parts
    /// (<see cref="CampaignTranslation.Html"/>, <see cref="CampaignTranslation.Text"/>): letters, digits
    /// and hyphens with a random part made when it was rendered, which the dispatcher replaces.
    /// </summary>
    public string? Placeholder { get; set; }

    /// <summary>Why sending waits (the SMTP server is down or refuses for now), shown on the progress page; null when it does not.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? LastErrorAt { get; set; }

    public List<CampaignTranslation> Translations { get; private set; } = [];

    /// <summary>The languages its audience reads.</summary>
    public IReadOnlyList<Language> AudienceLanguages => AudienceLanguage is { } language ? [language] : Languages.All;

    /// <summary>The languages of its audience that have no subject or no body yet: it cannot be sent until they do.</summary>
    public IReadOnlyList<Language> MissingTranslations() =>
        AudienceLanguages.Where(language => Translation(language) is not { } t || string.IsNullOrWhiteSpace(t.Subject) || string.IsNullOrWhiteSpace(t.Body)).ToList();

    public CampaignTranslation? Translation(Language language) => Translations.FirstOrDefault(t => t.Language == language);

    /// <summary>The translation in <paramref name="language"/>, added empty when there is none.</summary>
    public CampaignTranslation TranslationFor(Language language)
    {
        if (Translation(language) is not { } translation)
        {
            translation = new CampaignTranslation(language);
            Translations.Add(translation);
        }

        return translation;
    }

    /// <summary>Its words can change only while it is a draft.</summary>
    public bool IsEditable => Status == CampaignStatus.Draft;

    /// <summary>Moves it to <paramref name="to"/>; false (and nothing changes) when that move is not allowed.</summary>
    public bool TryMove(CampaignStatus to)
    {
        if (!CampaignMoves.CanMove(Status, to))
        {
            return false;
        }

        Status = to;
        return true;
    }
}

/// <summary>
/// A campaign in one language: what the marketer writes (subject, preheader, Markdown body) and, from
/// the moment it is scheduled or sent, the mail rendered from it once (<see cref="Html"/>, <see cref="Text"/>),
/// which the dispatcher personalises per recipient.
/// </summary>
public sealed class CampaignTranslation
{
    public const int MaxSubjectLength = 150;

    public const int MaxPreheaderLength = 200;

    public const int MaxBodyLength = 50_000;

    private CampaignTranslation()
    {
    }

    public CampaignTranslation(Language language) => Language = language;

    public long CampaignId { get; private set; }

    public Language Language { get; private set; }

    public string Subject { get; set; } = "";

    /// <summary>The line mail clients show after the subject in the inbox (hidden in the mail itself).</summary>
    public string Preheader { get; set; } = "";

    /// <summary>The body in Markdown, sanitized when rendered like every other content.</summary>
    public string Body { get; set; } = "";

    /// <summary>The rendered HTML part with <see cref="Campaign.Placeholder"/> for the unsubscribe link; null until rendered.</summary>
    public string? Html { get; set; }

    /// <summary>The rendered plain-text part with <see cref="Campaign.Placeholder"/>; null until rendered.</summary>
    public string? Text { get; set; }
}
