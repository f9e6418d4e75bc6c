using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Content;
using Sanatorium.Infrastructure.Data;

namespace Sanatorium.Infrastructure.Seed;

/// <summary>
/// The legal pages the site starts with (the personal data policy and the consent to the processing of
/// personal data that the forms link to) and the empty operator details. The texts say only what the
/// site really does and no legal detail nobody gave us: who the operator is, they leave to the operator
/// details page, which the resort's staff fill in the back office.
/// </summary>
internal static class LegalSeed
{
    /// <summary>
    /// Adds what is missing, to a database seeded before it existed too. A policy nobody has edited (no
    /// revision of it) is still the seed's own words and is brought up to the current ones; an edited
    /// page is never touched.
    /// </summary>
    public static async Task SeedAsync(SanatoriumDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var policy = await db.InfoPages.Include(p => p.Translations)
            .SingleOrDefaultAsync(p => p.Key == PrivacyPolicySeed.Key, cancellationToken);
        if (policy is null)
        {
            Add(db, PrivacyPolicy(), now);
        }
        else if (!await db.ContentRevisions.AnyAsync(r => r.Kind == ContentKind.InfoPage && r.EntityId == policy.Id, cancellationToken))
        {
            var seed = PrivacyPolicy();
            foreach (var translation in policy.Translations)
            {
                if (seed.Find(translation.Language) is { } current)
                {
                    (translation.Title, translation.MetaDescription, translation.Body) = (current.Title, current.MetaDescription, current.Body);
                }
            }
        }

        if (!await db.InfoPages.AnyAsync(p => p.Key == ConsentSeed.Key, cancellationToken))
        {
            Add(db, Consent(), now);
        }

        if (!await db.OperatorDetails.AnyAsync(cancellationToken))
        {
            db.OperatorDetails.Add(new OperatorDetails());
        }
    }

    private static void Add(SanatoriumDbContext db, InfoPage page, DateTimeOffset now)
    {
        page.PublishAll(now);
        db.InfoPages.Add(page);
    }

    /// <summary>
    /// What the newsletter form and the enquiry form collect and why, how long it is kept, how to leave
    /// and how to be erased, and the cookies the site sets (only essential ones, so no cookie banner).
    /// </summary>
    public static InfoPage PrivacyPolicy()
    {
        var page = new InfoPage(PrivacyPolicySeed.Key, 2);

        page.AddTranslation(new InfoPageTranslation(
            Language.Ru, PrivacyPolicySeed.Slug(Language.Ru), "Политика обработки персональных данных")
        {
            MetaDescription =
                "Какие персональные данные санаторий АМАКС «Старая Русса» получает через формы сайта (подписка на рассылку, вопрос о пребывании), зачем, сколько хранит и какие cookie использует сайт.",
            Body = """
                Эта страница объясняет, какие персональные данные санаторий АМАКС «Старая Русса» получает через формы этого сайта — подписку на рассылку об акциях и форму вопроса о пребывании, — зачем они нужны, сколько они хранятся и как вы можете ими распорядиться. Сведения об операторе персональных данных (наименование, ИНН, ОГРН, адрес) приведены на странице [«Реквизиты оператора»](/operator-details). Условия, на которых вы даёте согласие, изложены в [согласии на обработку персональных данных](/info/soglasie-na-obrabotku-personalnyh-dannyh).

                ## Подписка на рассылку

                - Адрес электронной почты, который вы ввели в форму подписки.
                - Язык страницы, с которой вы подписались (русский или английский): на этом языке мы пишем вам письма.
                - Запись о согласии: дату и время отправки формы и адрес страницы сайта, с которой она отправлена; затем — когда вы подтвердили подписку и когда отписались.
                - Хеш IP-адреса, с которого отправлена форма: значение, вычисленное из IP-адреса с секретным ключом сайта. Сам IP-адрес мы не храним.

                Мы также храним историю подписки: когда вы подписались, подтвердили подписку или отписались и какие письма рассылки вам отправлены.

                Адрес и язык нужны, чтобы присылать вам письма об акциях и специальных предложениях санатория, и только после того, как вы подтвердите подписку по ссылке из письма. Пока подписка не подтверждена, рассылку мы не присылаем; если ссылку из письма не открыть, подписка не начнётся.

                В каждом письме рассылки есть ссылка «Отписаться от рассылки»: откройте её и нажмите кнопку «Отписаться». Почтовые программы, которые умеют отписывать одним нажатием, отпишут вас сразу. После этого мы больше не присылаем вам рассылку, пока вы сами не подпишетесь снова.

                ## Вопрос о пребывании

                - Имя, телефон и (или) адрес электронной почты — то, что вы указали, чтобы мы могли ответить.
                - Даты заезда и отъезда, число гостей, интересующий профиль лечения и текст вашего сообщения.
                - Язык страницы, с которой отправлен вопрос: на этом языке мы отвечаем.
                - Запись о согласии: дату и время отправки формы, адрес страницы сайта и хеш IP-адреса (сам IP-адрес мы не храним).

                Эти данные нужны, чтобы ответить на ваш вопрос, подобрать и забронировать пребывание. Их видят сотрудники санатория, которые отвечают на вопросы; на указанный вами адрес приходит короткое подтверждение, что вопрос получен. Для рассылки эти данные не используются. Имя, телефон, адрес и текст сообщения удаляются автоматически, когда проходит срок хранения, установленный санаторием; в санатории остаются только даты, число гостей и профиль — без сведений, по которым можно узнать, кто спрашивал.

                ## Для чего ещё

                Записи о согласии и хеш IP-адреса нужны, чтобы можно было показать, когда и откуда дано согласие, и чтобы защитить формы от злоупотреблений. Для других целей данные не используются и третьим лицам не передаются.

                ## Как отозвать согласие и удалить свои данные

                Чтобы отозвать согласие или чтобы мы удалили ваши данные (адрес, запись о согласии, историю подписки, ваш вопрос), свяжитесь с санаторием по контактам, указанным на страницах этого сайта. После удаления адреса подписчика остаётся только его хеш — значение, из которого адрес нельзя восстановить, — чтобы адрес не попал в список снова, например при загрузке списка подписчиков. Если вы сами подпишетесь снова через форму на сайте, это будет новым согласием.

                ## Файлы cookie

                Сайт устанавливает только необходимые cookie, без которых он не работает так, как вы его просили, поэтому отдельного предупреждения о cookie на сайте нет. Счётчиков посещаемости, рекламных и сторонних cookie на сайте нет.

                - `.AspNetCore.Antiforgery.…` — защищает формы сайта (например, включение версии для слабовидящих) от подделки запросов с чужих сайтов. Удаляется при закрытии браузера.
                - `a11y` — настройки версии для слабовидящих (размер шрифта, цвета, изображения). Устанавливается, только когда вы включаете эту версию, хранится год; выключение версии удаляет его.

                Сотрудникам санатория, которые входят в административную часть сайта, устанавливаются также cookie входа и сеанса (`sanatorium.staff`, `Identity.TwoFactorUserId`), cookie, по которому сайт узнаёт браузер, где сотрудник уже входил, чтобы чужие неверные пароли не мешали ему войти (`sanatorium.known`, хранится полгода), выбранного языка (`admin-lang`) и сообщений о выполненных действиях (`.AspNetCore.Mvc.CookieTempDataProvider`). Посетителям сайта они не устанавливаются.

                ## Изменения

                Санаторий может обновлять эту страницу; действующая редакция всегда опубликована здесь.
                """,
        });

        page.AddTranslation(new InfoPageTranslation(
            Language.En, PrivacyPolicySeed.Slug(Language.En), "Personal data policy")
        {
            MetaDescription =
                "What personal data the AMAKS \"Staraya Russa\" resort receives through the site's forms (newsletter subscription, stay enquiries), why, how long it is kept, and which cookies the site sets.",
            Body = """
                This page explains what personal data the AMAKS "Staraya Russa" resort receives through the forms of this site (the promotions newsletter subscription and the stay enquiry form), why it needs it, how long it is kept, and what you can do about it. The details of the operator of personal data (name, INN, OGRN, address) are on the [operator details](/en/operator-details) page. The terms on which you give consent are set out in the [consent to the processing of personal data](/en/info/personal-data-consent).

                ## Newsletter subscription

                - The e-mail address you entered in the subscription form.
                - The language of the page you subscribed from (Russian or English): we write to you in that language.
                - A record of your consent: the date and time the form was sent and the address of the page it was sent from; later, when you confirmed the subscription and when you unsubscribed.
                - A hash of the IP address the form was sent from: a value computed from the IP address with the site's secret key. The IP address itself is not stored.

                We also keep the history of the subscription: when you subscribed, confirmed or unsubscribed, and which newsletter e-mails were sent to you.

                The address and the language are needed to send you e-mails about the resort's promotions and special offers, and only after you confirm the subscription through the link in our e-mail. Until the subscription is confirmed, we send no newsletter; if the link is never opened, the subscription never starts.

                Every newsletter e-mail has an "Unsubscribe from the newsletter" link: open it and press the "Unsubscribe" button. Mail programs that offer one-click unsubscribe unsubscribe you at once. After that we send you no newsletter unless you subscribe again yourself.

                ## Stay enquiries

                - Your name, phone and/or e-mail address: what you gave so that we can answer.
                - Arrival and departure dates, the number of guests, the treatment profile you are interested in, and your message.
                - The language of the page the enquiry was sent from: we answer in that language.
                - A record of your consent: the date and time the form was sent, the address of the page, and a hash of the IP address (the IP address itself is not stored).

                This data is needed to answer your enquiry and to arrange and book your stay. The resort's staff who answer enquiries see it; a short acknowledgement that the enquiry has arrived is sent to the address you gave. It is not used for the newsletter. Your name, phone, e-mail address and message are erased automatically once the retention period set by the resort has passed; only the dates, the number of guests and the profile remain, with nothing that tells who asked.

                ## What else it is used for

                The consent records and the IP hashes are needed to show when and where consent was given and to protect the forms from abuse. The data is not used for anything else and is not passed on to third parties.

                ## How to withdraw consent and have your data erased

                To withdraw your consent or to have your data erased (your address, consent record, subscription history or enquiry), contact the resort using the contact details given on the pages of this site. After a subscriber's address is erased only a hash of it remains, a value from which the address cannot be recovered, so that the address is not added to the list again, for example when a list of subscribers is imported. If you subscribe again yourself through the form on the site, that is a new consent.

                ## Cookies

                The site sets only essential cookies, without which it cannot do what you asked of it, so it shows no cookie notice. There are no analytics, advertising or third-party cookies.

                - `.AspNetCore.Antiforgery.…` protects the site's forms (switching on the version for the visually impaired, for example) against requests forged by other sites. It is removed when you close the browser.
                - `a11y` keeps the settings of the version for the visually impaired (font size, colours, images). It is set only when you switch that version on and kept for a year; switching the version off removes it.

                The resort's staff who log in to the back office also get login and session cookies (`sanatorium.staff`, `Identity.TwoFactorUserId`), one by which the site knows a browser they have logged in from, so that wrong passwords sent by others cannot keep them out (`sanatorium.known`, kept for six months), one for the language they chose (`admin-lang`) and one for messages about what they have just done (`.AspNetCore.Mvc.CookieTempDataProvider`). Visitors of the site never get them.

                ## Changes

                The resort may update this page; the current version is always published here.
                """,
        });

        return page;
    }

    /// <summary>The consent the forms' checkboxes refer to: whose data, which, why, how, how long, and how to withdraw it.</summary>
    public static InfoPage Consent()
    {
        var page = new InfoPage(ConsentSeed.Key, 3);

        page.AddTranslation(new InfoPageTranslation(
            Language.Ru, ConsentSeed.Slug(Language.Ru), "Согласие на обработку персональных данных")
        {
            MetaDescription =
                "Согласие на обработку персональных данных, которое вы даёте санаторию АМАКС «Старая Русса», отправляя формы сайта: подписку на рассылку и вопрос о пребывании.",
            Body = """
                Отмечая флажок согласия в форме на этом сайте и отправляя её, я свободно, своей волей и в своём интересе даю санаторию АМАКС «Старая Русса» (далее — оператор; наименование, ИНН, ОГРН и адрес оператора приведены на странице [«Реквизиты оператора»](/operator-details)) согласие на обработку моих персональных данных на следующих условиях.

                ## Какие данные

                При подписке на рассылку об акциях:

                - адрес электронной почты;
                - язык страницы, с которой отправлена форма;
                - дата и время отправки формы, подтверждения подписки и отписки, адрес страницы, с которой отправлена форма, хеш IP-адреса.

                При отправке вопроса о пребывании:

                - имя, телефон и (или) адрес электронной почты;
                - даты заезда и отъезда, число гостей, интересующий профиль лечения, текст сообщения;
                - язык страницы, дата и время отправки формы, адрес страницы, с которой она отправлена, хеш IP-адреса.

                ## Для чего

                - Рассылка: присылать мне письма об акциях и специальных предложениях санатория после того, как я подтвержу подписку по ссылке из письма.
                - Вопрос о пребывании: ответить на мой вопрос, подобрать и забронировать пребывание, прислать подтверждение, что вопрос получен.
                - В обоих случаях: подтвердить, когда и откуда дано согласие, и защитить формы сайта от злоупотреблений.

                ## Что оператор делает с данными

                Сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), извлечение, использование, блокирование, удаление и уничтожение — с использованием средств автоматизации и без них. Третьим лицам данные не передаются.

                ## Сколько хранятся данные

                - Данные подписчика — пока я не отпишусь или не отзову согласие. После удаления адреса остаётся только его хеш, из которого адрес нельзя восстановить, — чтобы адрес не попал в список рассылки снова.
                - Имя, телефон, адрес и текст вопроса о пребывании — до истечения срока хранения, установленного оператором, после чего они удаляются автоматически, или до отзыва согласия, если он поступит раньше.

                ## Срок действия и отзыв согласия

                Согласие действует до достижения целей обработки или до его отзыва. Отозвать согласие можно, написав оператору по контактам, указанным на сайте; от рассылки можно также отписаться по ссылке «Отписаться от рассылки» в любом её письме. Получив отзыв, оператор прекращает обработку и удаляет данные в течение 30 дней, если иное не предусмотрено законом.

                Подробнее о том, как оператор обрабатывает персональные данные, — в [политике обработки персональных данных](/info/politika-obrabotki-personalnyh-dannyh).
                """,
        });

        page.AddTranslation(new InfoPageTranslation(
            Language.En, ConsentSeed.Slug(Language.En), "Consent to the processing of personal data")
        {
            MetaDescription =
                "The consent to the processing of personal data you give the AMAKS \"Staraya Russa\" resort when you send the site's forms: the newsletter subscription and the stay enquiry.",
            Body = """
                By ticking the consent box in a form on this site and sending it, I freely, of my own will and in my own interest give the AMAKS "Staraya Russa" resort (the operator; its name, INN, OGRN and address are on the [operator details](/en/operator-details) page) my consent to the processing of my personal data on the following terms.

                ## Which data

                When I subscribe to the promotions newsletter:

                - my e-mail address;
                - the language of the page the form was sent from;
                - the date and time the form was sent, the subscription confirmed and cancelled, the address of the page the form was sent from, and a hash of the IP address.

                When I send a stay enquiry:

                - my name, phone and/or e-mail address;
                - the arrival and departure dates, the number of guests, the treatment profile I am interested in, and my message;
                - the language of the page, the date and time the form was sent, the address of the page it was sent from, and a hash of the IP address.

                ## What for

                - The newsletter: to send me e-mails about the resort's promotions and special offers once I confirm the subscription through the link in the e-mail.
                - A stay enquiry: to answer it, to arrange and book my stay, and to send me an acknowledgement that it has arrived.
                - Both: to show when and where consent was given, and to protect the site's forms from abuse.

                ## What the operator does with the data

                Collection, recording, systematisation, accumulation, storage, clarification (updating, changing), retrieval, use, blocking, deletion and destruction, with and without automated means. The data is not passed on to third parties.

                ## How long the data is kept

                - A subscriber's data: until I unsubscribe or withdraw consent. After the address is erased only a hash of it remains, from which the address cannot be recovered, so that it is not added to the newsletter list again.
                - The name, phone, e-mail address and message of a stay enquiry: until the retention period set by the operator has passed, when they are erased automatically, or until I withdraw consent, if that comes first.

                ## Validity and withdrawal

                This consent is valid until the purposes of the processing are achieved or until it is withdrawn. I can withdraw it by writing to the operator using the contact details given on the site; I can also leave the newsletter through the "Unsubscribe from the newsletter" link in any of its e-mails. Once the withdrawal is received, the operator stops the processing and erases the data within 30 days, unless the law provides otherwise.

                More on how the operator processes personal data is in the [personal data policy](/en/info/privacy-policy).
                """,
        });

        return page;
    }
}
