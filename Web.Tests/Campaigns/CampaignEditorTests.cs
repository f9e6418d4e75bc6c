using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Audit;
using Sanatorium.Core.Newsletters;
using Sanatorium.Web.Tests.Infrastructure;

namespace Sanatorium.Web.Tests.Campaigns;

/// <summary>Writing a campaign: creating it, its words in both languages, promotions as cards, limits, a stale form, deleting a draft.</summary>
public sealed class CampaignEditorTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task A_marketer_writes_a_campaign_in_both_languages_and_saves_it()
    {
        var (promotion, _) = await site.AddPromotionAsync("compose");
        var marketer = await site.LogInAsMarketerAsync();

        var created = await marketer.SubmitFormAsync("/admin/marketing/campaigns/new", new() { ["Input.Name"] = "Winter offer", ["Input.Audience"] = "all" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editor = created.Headers.Location!.OriginalString;
        var (_, page) = await marketer.GetPageAsync(editor);
        Assert.Equal("Рассылка создана. Напишите письмо на обоих языках.", page.StatusMessage());
        var form = page.Form("#campaign-form").Tick("Input.PromotionIds", promotion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var saved = await marketer.SubmitAsync(form, new()
        {
            ["Input.Ru.Subject"] = "Зимние скидки",
            ["Input.Ru.Preheader"] = "Только в декабре",
            ["Input.Ru.Body"] = "Приезжайте **зимой**.",
            ["Input.En.Subject"] = "Winter offer",
            ["Input.En.Preheader"] = "December only",
            ["Input.En.Body"] = "Come in **winter**.",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(editor, saved.Headers.Location!.OriginalString);
        (_, page) = await marketer.GetPageAsync(editor);
        Assert.Equal("Рассылка сохранена.", page.StatusMessage());
        Assert.Null(page.QuerySelector("#missing-translations"));
        Assert.Equal("Come in **winter**.", page.QuerySelector("#body-en")!.TextContent);
        var id = long.Parse(editor.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var campaign = await site.CampaignAsync(id);
        Assert.Equal(CampaignStatus.Draft, campaign.Status);
        Assert.Null(campaign.AudienceLanguage);
        Assert.Equal([promotion], campaign.PromotionIds);
        Assert.Equal("Зимние скидки", campaign.Translation(Language.Ru)!.Subject);
        Assert.Equal("December only", campaign.Translation(Language.En)!.Preheader);
        var actions = await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Target == $"campaign {id}").Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.CampaignCreated, AuditActions.CampaignSaved], actions);
        var (_, list) = await marketer.GetPageAsync("/admin/marketing/campaigns");
        Assert.Contains(list.QuerySelectorAll("table.campaigns a"), a => a.TextContent == "Winter offer" && a.GetAttribute("href") == editor);
    }

    [Fact]
    public async Task A_missing_translation_is_named_and_blocks_sending_and_scheduling()
    {
        var id = await site.AddCampaignAsync("Russian only", null, new Dictionary<Language, (string, string)> { [Language.Ru] = ("Тема", "Текст") });
        var marketer = await site.LogInAsMarketerAsync();

        var (_, page) = await marketer.GetPageAsync($"/admin/marketing/campaigns/{id}");
        Assert.Contains("Нет перевода: Английский", page.QuerySelector("#missing-translations")!.TextContent);
        Assert.True(page.QuerySelector("#send-form button")!.HasAttribute("disabled"));

        var sent = await marketer.SubmitAsync(page.Form("#send-form"), []);
        var scheduled = await marketer.SubmitAsync(page.Form("#schedule-form"), new() { ["SendAt"] = "2099-01-01T10:00" });

        (_, page) = await marketer.GetPageAsync(sent.Headers.Location!.OriginalString);
        Assert.Equal("Рассылка не отправлена: нет перевода (Английский). Заполните тему и текст.", page.StatusMessage());
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var campaign = await site.CampaignAsync(id);
        Assert.Equal(CampaignStatus.Draft, campaign.Status);
        Assert.Null(campaign.ScheduledAt);
        Assert.Equal(0, await site.WithDbAsync(db => db.CampaignDeliveries.CountAsync(d => d.CampaignId == id)));
    }

    [Fact]
    public async Task An_audience_of_one_language_needs_only_that_translation()
    {
        var id = await site.AddCampaignAsync("English only", Language.En, new Dictionary<Language, (string, string)> { [Language.En] = ("Subject", "Body") });
        var marketer = await site.LogInAsMarketerAsync();

        var (_, page) = await marketer.GetPageAsync($"/admin/marketing/campaigns/{id}");

        Assert.Null(page.QuerySelector("#missing-translations"));
        Assert.Equal(["en"], page.QuerySelectorAll("#test-language option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public async Task Oversized_fields_and_a_promotion_not_offered_are_refused_with_messages_and_nothing_is_stored()
    {
        var id = await site.AddBilingualCampaignAsync("Limits");
        var marketer = await site.LogInAsMarketerAsync();
        var (_, page) = await marketer.GetPageAsync($"/admin/marketing/campaigns/{id}");

        var response = await marketer.SubmitAsync(page.Form("#campaign-form"), new()
        {
            ["Input.Name"] = new string('n', Campaign.MaxNameLength + 1),
            ["Input.Ru.Subject"] = new string('s', CampaignTranslation.MaxSubjectLength + 1),
            ["Input.En.Body"] = new string('b', CampaignTranslation.MaxBodyLength + 1),
            ["Input.PromotionIds"] = "999999",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        page = await response.ParseAsync();
        Assert.Contains($"Не длиннее {Campaign.MaxNameLength} знаков.", page.FieldError("Input.Name"));
        Assert.Equal($"Не длиннее {CampaignTranslation.MaxSubjectLength} знаков.", page.FieldError("Input.Ru.Subject"));
        Assert.Contains($"Не длиннее {CampaignTranslation.MaxBodyLength} знаков.", page.FieldError("Input.En.Body"));
        Assert.Contains("Такой акции нет", page.QuerySelector("#promotions-error")!.TextContent);
        var campaign = await site.CampaignAsync(id);
        Assert.Equal("Limits", campaign.Name);
        Assert.Equal("Осенние скидки", campaign.Translation(Language.Ru)!.Subject);
    }

    [Fact]
    public async Task Unknown_campaigns_are_not_found()
    {
        var marketer = await site.LogInAsMarketerAsync();
        var (_, page) = await marketer.GetPageAsync("/admin/marketing/campaigns/new");

        Assert.Equal(HttpStatusCode.NotFound, (await marketer.GetAsync("/admin/marketing/campaigns/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await marketer.GetAsync("/admin/marketing/campaigns/987654/preview/ru")).StatusCode);
        var form = page.Form();
        form.Action = "/admin/marketing/campaigns/987654?handler=Send";
        Assert.Equal(HttpStatusCode.NotFound, (await marketer.SubmitAsync(form, [])).StatusCode);
    }

    [Fact]
    public async Task A_form_older_than_the_last_save_is_refused_and_overwrites_nothing()
    {
        var id = await site.AddBilingualCampaignAsync("Two marketers");
        var first = await site.LogInAsMarketerAsync();
        var second = await site.LogInAsMarketerAsync();
        var (_, firstPage) = await first.GetPageAsync($"/admin/marketing/campaigns/{id}");
        var (_, secondPage) = await second.GetPageAsync($"/admin/marketing/campaigns/{id}");

        var saved = await second.SubmitAsync(secondPage.Form("#campaign-form"), new() { ["Input.Ru.Subject"] = "Тема второго" });
        var stale = await first.SubmitAsync(firstPage.Form("#campaign-form"), new() { ["Input.Ru.Subject"] = "Тема первого" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await stale.ParseAsync();
        Assert.StartsWith("Пока вы редактировали, рассылку изменил кто-то другой.", page.QuerySelector("#conflict")!.TextContent.Trim());
        Assert.Equal("Тема первого", page.QuerySelector<IHtmlInputElement>("#subject-ru")!.Value);
        Assert.Equal("Тема второго", (await site.CampaignAsync(id)).Translation(Language.Ru)!.Subject);

        // A stale "send now" is refused the same way.
        var sent = await first.SubmitAsync(firstPage.Form("#send-form"), []);
        (_, page) = await first.GetPageAsync(sent.Headers.Location!.OriginalString);
        Assert.Equal("Пока страница была открыта, рассылку изменили. Проверьте её и нажмите ещё раз.", page.StatusMessage());
        Assert.Equal(CampaignStatus.Draft, (await site.CampaignAsync(id)).Status);
    }

    [Fact]
    public async Task A_damaged_row_version_is_treated_as_a_stale_form()
    {
        var id = await site.AddBilingualCampaignAsync("Damaged");
        var marketer = await site.LogInAsMarketerAsync();

        var response = await marketer.SubmitFormAsync($"/admin/marketing/campaigns/{id}", new() { ["Version"] = "not-a-number", ["Input.Ru.Subject"] = "Чужая тема" }, "#campaign-form");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.NotNull((await response.ParseAsync()).QuerySelector("#conflict"));
        Assert.Equal("Осенние скидки", (await site.CampaignAsync(id)).Translation(Language.Ru)!.Subject);
    }

    [Fact]
    public async Task A_draft_can_be_deleted_and_leaves_an_audit_entry()
    {
        var id = await site.AddBilingualCampaignAsync("Doomed");
        var marketer = await site.LogInAsMarketerAsync();

        var response = await marketer.SubmitFormAsync($"/admin/marketing/campaigns/{id}", [], "#delete-form");

        Assert.Equal("/admin/marketing/campaigns", response.Headers.Location!.OriginalString);
        var (_, page) = await marketer.GetPageAsync("/admin/marketing/campaigns");
        Assert.Equal("Черновик «Doomed» удалён.", page.StatusMessage());
        Assert.False(await site.WithDbAsync(db => db.Campaigns.AnyAsync(c => c.Id == id)));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.CampaignDeleted && e.Target == $"campaign {id}")));
        Assert.Equal(HttpStatusCode.NotFound, (await marketer.GetAsync($"/admin/marketing/campaigns/{id}")).StatusCode);
    }
}
