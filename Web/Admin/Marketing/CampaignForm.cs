using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Sanatorium.Core;
using Sanatorium.Core.Newsletters;
using Sanatorium.Web.Site;

namespace Sanatorium.Web.Admin.Marketing;

/// <summary>What the campaign editor posts: name, audience, the words in each language and the promotions shown as cards.</summary>
public sealed class CampaignForm
{
    /// <summary>The audience value for every confirmed subscriber; a language code for those of one language.</summary>
    public const string Everyone = "all";

    public string? Name { get; set; }

    public string? Audience { get; set; } = Everyone;

    public CampaignWords Ru { get; set; } = new();

    public CampaignWords En { get; set; } = new();

    public List<int> PromotionIds { get; set; } = [];

    public CampaignWords For(Language language) => language == Language.En ? En : Ru;

    public static string AudienceOf(Language? language) => language?.Code() ?? Everyone;

    public static CampaignForm From(Campaign campaign)
    {
        var form = new CampaignForm { Name = campaign.Name, Audience = AudienceOf(campaign.AudienceLanguage), PromotionIds = [.. campaign.PromotionIds] };
        foreach (var translation in campaign.Translations)
        {
            var words = form.For(translation.Language);
            (words.Subject, words.Preheader, words.Body) = (translation.Subject, translation.Preheader, translation.Body);
        }

        return form;
    }

    /// <summary>Checks the name and the audience (all the new-campaign form has); false, with errors in <paramref name="state"/>, when they do not do.</summary>
    public bool CheckHead(ModelStateDictionary state, IStringLocalizer text, out Language? audience)
    {
        Name = Name?.Trim();
        if (string.IsNullOrEmpty(Name))
        {
            state.AddModelError("Input.Name", text["NameRequired"]);
        }
        else if (Name.Length > Campaign.MaxNameLength)
        {
            state.AddModelError("Input.Name", text["TooLong", Campaign.MaxNameLength]);
        }

        audience = null;
        if (Audience != Everyone)
        {
            if (Languages.TryParse(Audience, out var language))
            {
                audience = language;
            }
            else
            {
                state.AddModelError("Input.Audience", text["ChooseAudience"]);
            }
        }

        return state.IsValid;
    }

    /// <summary>Checks everything against the limits of <see cref="Campaign"/> and <see cref="CampaignTranslation"/>; only promotions in <paramref name="offered"/> can be chosen.</summary>
    public bool Check(ModelStateDictionary state, IStringLocalizer text, ContentRenderer markdown, IReadOnlyCollection<int> offered, out Language? audience)
    {
        CheckHead(state, text, out audience);
        foreach (var language in Languages.All)
        {
            var words = For(language);
            var prefix = "Input." + (language == Language.En ? nameof(En) : nameof(Ru)) + ".";
            (words.Subject, words.Preheader, words.Body) = (words.Subject?.Trim() ?? "", words.Preheader?.Trim() ?? "", words.Body ?? "");
            CheckLength(state, text, prefix + nameof(CampaignWords.Subject), words.Subject, CampaignTranslation.MaxSubjectLength);
            CheckLength(state, text, prefix + nameof(CampaignWords.Preheader), words.Preheader, CampaignTranslation.MaxPreheaderLength);
            if (CheckLength(state, text, prefix + nameof(CampaignWords.Body), words.Body, CampaignTranslation.MaxBodyLength) && !markdown.CanRender(words.Body))
            {
                state.AddModelError(prefix + nameof(CampaignWords.Body), text["BodyTooComplex"]);
            }
        }

        PromotionIds = PromotionIds.Distinct().ToList();
        if (PromotionIds.Count > Campaign.MaxPromotions)
        {
            state.AddModelError("Input.PromotionIds", text["TooManyPromotions", Campaign.MaxPromotions]);
        }
        else if (PromotionIds.Except(offered).Any())
        {
            state.AddModelError("Input.PromotionIds", text["NoSuchPromotion"]);
        }

        return state.IsValid;
    }

    /// <summary>Writes the checked form into the campaign (a draft).</summary>
    public void ApplyTo(Campaign campaign, Language? audience)
    {
        campaign.Name = Name!;
        campaign.AudienceLanguage = audience;
        campaign.PromotionIds = PromotionIds;
        foreach (var language in Languages.All)
        {
            var words = For(language);
            var translation = campaign.TranslationFor(language);
            (translation.Subject, translation.Preheader, translation.Body) = (words.Subject!, words.Preheader!, words.Body!);
        }
    }

    private static bool CheckLength(ModelStateDictionary state, IStringLocalizer text, string field, string value, int max)
    {
        if (value.Length <= max)
        {
            return true;
        }

        state.AddModelError(field, text["TooLong", max]);
        return false;
    }
}

/// <summary>A campaign's words in one language, as typed.</summary>
public sealed class CampaignWords
{
    public string? Subject { get; set; }

    public string? Preheader { get; set; }

    public string? Body { get; set; }
}
