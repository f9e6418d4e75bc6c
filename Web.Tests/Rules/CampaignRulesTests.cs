using Sanatorium.Core;
using Sanatorium.Core.Newsletters;

namespace Sanatorium.Web.Tests.Rules;

/// <summary>
/// What a marketer can do with a campaign in each state, and when it is complete enough to send:
/// the rules the back office and the dispatcher both follow.
/// </summary>
public sealed class CampaignRulesTests
{
    private static Campaign Draft(Language? audience = null) =>
        new("Autumn", "marketer@staraya-russa.test", DateTimeOffset.UnixEpoch) { AudienceLanguage = audience };

    [Fact]
    public void A_campaign_for_everyone_needs_both_translations_and_says_which_is_missing()
    {
        var campaign = Draft();
        Assert.Equal([Language.Ru, Language.En], campaign.MissingTranslations());

        var ru = campaign.TranslationFor(Language.Ru);
        ru.Subject = "Осенние скидки";
        Assert.Equal([Language.Ru, Language.En], campaign.MissingTranslations());

        ru.Body = "До конца ноября путёвки дешевле.";
        var en = campaign.TranslationFor(Language.En);
        en.Subject = "Autumn offer";
        en.Body = "   ";
        Assert.Equal([Language.En], campaign.MissingTranslations());

        en.Body = "Stays are cheaper until the end of November.";
        Assert.Empty(campaign.MissingTranslations());
        Assert.Same(en, campaign.TranslationFor(Language.En));
    }

    [Fact]
    public void A_campaign_for_one_language_needs_only_that_translation()
    {
        var campaign = Draft(Language.En);
        var en = campaign.TranslationFor(Language.En);
        en.Subject = "Autumn offer";
        en.Body = "Stays are cheaper.";

        Assert.Empty(campaign.MissingTranslations());
        Assert.Equal([Language.En], campaign.AudienceLanguages);
    }

    [Theory]
    [InlineData(CampaignStatus.Draft, CampaignStatus.Sending, true)]
    [InlineData(CampaignStatus.Draft, CampaignStatus.Scheduled, true)]
    [InlineData(CampaignStatus.Scheduled, CampaignStatus.Draft, true)]
    [InlineData(CampaignStatus.Sending, CampaignStatus.Paused, true)]
    [InlineData(CampaignStatus.Paused, CampaignStatus.Sending, true)]
    [InlineData(CampaignStatus.Paused, CampaignStatus.Cancelled, true)]
    [InlineData(CampaignStatus.Sent, CampaignStatus.Sending, true)]
    [InlineData(CampaignStatus.Draft, CampaignStatus.Paused, false)]
    [InlineData(CampaignStatus.Sending, CampaignStatus.Draft, false)]
    [InlineData(CampaignStatus.Cancelled, CampaignStatus.Sending, false)]
    [InlineData(CampaignStatus.Sent, CampaignStatus.Cancelled, false)]
    [InlineData(CampaignStatus.Paused, CampaignStatus.Sent, false)]
    public void Only_the_allowed_moves_change_the_state(CampaignStatus from, CampaignStatus to, bool allowed)
    {
        var campaign = Draft();
        campaign.Status = from;

        Assert.Equal(allowed, campaign.TryMove(to));
        Assert.Equal(allowed ? to : from, campaign.Status);
        Assert.Equal(allowed, CampaignMoves.From(to).Contains(from));
    }

    [Fact]
    public void Only_a_draft_can_be_edited()
    {
        Assert.Equal([CampaignStatus.Draft], Enum.GetValues<CampaignStatus>().Where(status =>
        {
            var campaign = Draft();
            campaign.Status = status;
            return campaign.IsEditable;
        }));
    }
}
