using Sanatorium.Core;
using Sanatorium.Core.Content;

namespace Sanatorium.Web.Tests.Rules;

/// <summary>What publishing a draft does to a page, and the status the back office shows per language.</summary>
public sealed class PublishingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_page_is_missing_in_both_languages_until_a_title_is_written()
    {
        var page = new InfoPage("about", 1);

        Assert.Equal(TranslationStatus.Missing, TranslationStatuses.Of(page, null, Language.Ru, Now));
        Assert.Equal(TranslationStatus.Missing, TranslationStatuses.Of(page, null, Language.En, Now));
    }

    [Fact]
    public void A_saved_draft_is_a_draft_in_its_language_only()
    {
        var page = new InfoPage("about", 1);
        var draft = RussianDraft(("О курорте", "o-kurorte"));

        Assert.Equal(TranslationStatus.Draft, TranslationStatuses.Of(page, draft, Language.Ru, Now));
        Assert.Equal(TranslationStatus.Missing, TranslationStatuses.Of(page, draft, Language.En, Now));
    }

    [Fact]
    public void Publishing_makes_each_language_with_a_title_visible_from_that_moment()
    {
        var page = new InfoPage("about", 1);

        page.Publish(RussianDraft(("О курорте", "o-kurorte")), Now);

        var russian = page.Find(Language.Ru)!;
        Assert.False(russian.IsPublishedAt(Now.AddSeconds(-1)));
        Assert.True(russian.IsPublishedAt(Now));
        Assert.Null(page.Find(Language.En));
        Assert.Equal(TranslationStatus.Published, TranslationStatuses.Of(page, null, Language.Ru, Now));
    }

    [Fact]
    public void A_change_saved_after_publishing_shows_as_unpublished_changes()
    {
        var page = new InfoPage("about", 1);
        page.Publish(RussianDraft(("О курорте", "o-kurorte")), Now);

        var edited = page.ToDraft();
        edited.Languages[Language.Ru][ContentFields.Body] = "Новый текст";

        Assert.Equal(TranslationStatus.PublishedWithChanges, TranslationStatuses.Of(page, edited, Language.Ru, Now));
        Assert.Equal(TranslationStatus.Published, TranslationStatuses.Of(page, page.ToDraft(), Language.Ru, Now));
    }

    [Fact]
    public void A_changed_slug_is_reported_so_that_the_old_address_can_redirect()
    {
        var page = new InfoPage("about", 1);
        page.Publish(RussianDraft(("О курорте", "o-kurorte")), Now);

        var changes = page.Publish(RussianDraft(("О курорте", "kurort")), Now.AddDays(1));

        var change = Assert.Single(changes);
        Assert.Equal(new SlugChange(Language.Ru, "o-kurorte", "kurort"), change);
        Assert.Equal("kurort", page.Find(Language.Ru)!.Slug);
        Assert.True(page.Find(Language.Ru)!.IsPublishedAt(Now), "republishing keeps the first publication time");
    }

    [Fact]
    public void An_unpublished_translation_is_a_draft_again()
    {
        var page = new InfoPage("about", 1);
        page.Publish(RussianDraft(("О курорте", "o-kurorte")), Now);

        page.Find(Language.Ru)!.Unpublish();

        Assert.False(page.Find(Language.Ru)!.IsPublishedAt(Now));
        Assert.Equal(TranslationStatus.Draft, TranslationStatuses.Of(page, null, Language.Ru, Now));
    }

    [Fact]
    public void The_query_condition_public_pages_use_agrees_with_the_rule_for_one_translation()
    {
        var page = new InfoPage("about", 1);
        page.Publish(RussianDraft(("О курорте", "o-kurorte")), Now);
        var russian = page.Find(Language.Ru)!;

        foreach (var at in new[] { Now.AddSeconds(-1), Now, Now.AddDays(1) })
        {
            Assert.Equal(russian.IsPublishedAt(at), Translation.VisibleAt<InfoPageTranslation>(at).Compile()(russian));
        }

        russian.Unpublish();
        Assert.False(Translation.VisibleAt<InfoPageTranslation>(Now).Compile()(russian));
    }

    [Fact]
    public void A_draft_survives_its_trip_through_json()
    {
        var draft = RussianDraft(("Ванны «Старой Руссы»", "vanny"));
        draft.Shared[ContentFields.SortOrder] = "3";

        var back = Draft.FromJson(draft.ToJson());

        Assert.True(back.SameAs(draft, Language.Ru));
        Assert.Equal("3", back.Shared[ContentFields.SortOrder]);
        Assert.False(back.HasTranslation(Language.En));
    }

    private static Draft RussianDraft((string Title, string Slug) ru) => new()
    {
        Languages =
        {
            [Language.Ru] = new Dictionary<string, string>
            {
                [ContentFields.Title] = ru.Title,
                [ContentFields.Slug] = ru.Slug,
                [ContentFields.Body] = "Текст",
                [ContentFields.MetaDescription] = "",
            },
        },
    };
}
