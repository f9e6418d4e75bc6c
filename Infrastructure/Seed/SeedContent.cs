using Sanatorium.Core;
using Sanatorium.Core.Content;

namespace Sanatorium.Infrastructure.Seed;

/// <summary>
/// The content the site starts with: the musculoskeletal profile, the lumbar pain syndrome treatment
/// taken from the client's current page, and the general contraindications page it links to.
/// Everything is returned as drafts in both languages; the caller publishes it.
/// </summary>
/// <remarks>
/// The treatment says what the client's page says, its slips included; <see cref="TreatmentCorrections"/>
/// corrects them as a revision of its own, so that the client sees each correction and can undo it.
/// It lists no procedures: the client's page does not.
/// </remarks>
internal static class SeedContent
{
    public const string MusculoskeletalKey = "musculoskeletal-system";
    public const string LumbarPainSyndromeKey = "lumbar-pain-syndrome";

    /// <summary>The resort's address; the phone is left for the resort's staff to fill in the back office.</summary>
    public static ContactDetails Contacts() => new(
        phone: "",
        addressRu: "175200, Новгородская область, г. Старая Русса, ул. Минеральная, 62",
        addressEn: "62 Mineralnaya St., Staraya Russa, Novgorod region, 175200, Russia");

    public static Profile Musculoskeletal()
    {
        var profile = new Profile(MusculoskeletalKey, 1);

        profile.AddTranslation(new ProfileTranslation(
            Language.Ru, "bolezni-kostno-myshechnoy-sistemy", "Болезни костно-мышечной системы")
        {
            MetaDescription =
                "Лечение заболеваний позвоночника, суставов и мышц на курорте «Старая Русса»: минеральная вода, иловая сульфидная грязь, физиотерапия.",
            Summary = """
                В санатории «Старая Русса» лечат заболевания позвоночника, суставов, мышц и связок: остеохондроз и его неврологические проявления, боли в спине, артрозы и артриты вне обострения, последствия травм и операций на костях и суставах.

                Основа лечения — природные факторы курорта: хлоридная натриевая минеральная вода старорусских источников и иловая сульфидная грязь. Их дополняют физиотерапия, массаж и лечебная физкультура.
                """,
        });

        profile.AddTranslation(new ProfileTranslation(
            Language.En, "musculoskeletal-system", "Diseases of the musculoskeletal system")
        {
            MetaDescription =
                "Treatment of diseases of the spine, joints and muscles at the Staraya Russa resort: mineral water, silt-sulphide mud and physiotherapy.",
            Summary = """
                The Staraya Russa sanatorium treats diseases of the spine, joints, muscles and ligaments: osteochondrosis and its neurological manifestations, back pain, arthrosis and arthritis outside exacerbation, and the after-effects of injuries and operations on bones and joints.

                Treatment is built on the resort's natural healing factors, the sodium chloride mineral water of the Staraya Russa springs and silt-sulphide mud, complemented by physiotherapy, massage and exercise therapy.
                """,
        });

        return profile;
    }

    public static Treatment LumbarPainSyndrome(Profile profile)
    {
        var treatment = new Treatment(LumbarPainSyndromeKey, profile, 1);

        treatment.AddTranslation(new TreatmentTranslation(
            Language.Ru,
            "poyasnichnyy-bolevoy-sindrom",
            "Лечение поясничного болевого синдрома (люмбалгии, люмбоишиалгии) в санатории «Старая Русса»")
        {
            MetaDescription =
                "Лечение люмбалгии и люмбоишиалгии в санатории «Старая Русса»: физиотерапия, массаж и лечебная физкультура.",
            Lead = """
                Поясничный болевой синдром – резкая боль, возникающая в поясничном отделе. Люмбалгия – это хроническая ноющая боль в пояснице. При люмбалгии не наблюдается четкой связи между движением и приступом боли. Люмбоишалгия – боль в поиснице, которая отдает в ноги. Причинами поясничного болевого синдрома чаще всего становится малоподвижный образ жизни, избыточный вес, переохлаждение, травмы, болезни внутренних органов.
                """,
            Description = """
                Обычно лечение люмбалгии и люмбоишиалгии сводится к устранению болевого синдрома. Назначают медикаментозную терапию: обезболивающие и противовоспалительные препараты, средства, снимающие мышечный спазм. В период обострения также рекомендуется соблюдать покой и применять сухое тепло. Пациентам показано санаторно-курортное лечение.

                Программы санаторно-курортных учреждений включают сбалансированное питание, правильный режим сна, закаливающие и общеукрепляющие мероприятия. Проводится медикаментозная поддержка организма, назначаются физиотерапия, массаж и лечебная физкультура. В ряде санаториев проводится иглорефлексотерапия. Пребывание в санатории помогает справиться с болевым синдромом и предупредить обострения заболевания.
                """,
            Contraindications = """
                - Тяжелые формы поражения костей и суставов с обильным отделяемым, тяжелыми общими явлениями (гектическая температура, резкое истощение) или амилоидозом внутренних органов.
                - Полиартриты с прогрессирующим процессом в суставах, с анкилозами, контрактурами и т. д., с необратимыми изменениями в суставах и потерей способности к самообслуживанию. Тяжелые деформации суставов со вторичным синовитом при потере возможности самостоятельного передвижения.
                - Хронический остеомиелит при наличии крупных секвестров или крупного инородного металлического тела в остеомиелитическом очаге (наличие мелких металлических осколков в окружающих мягких тканях не является противопоказанием для санаторно-курортного лечения). Септические формы ревматоидного артрита, ревматоидный артрит с системными поражениями (висцеритами).
                - [Общие противопоказания, исключающие направление больных на курорты и в местные санатории.](/info/obshchie-protivopokazaniya)
                """,
            Results = """
                Благодаря физиотерапии снижается напряжение околопозвоночных мышц, поэтому уже в первые дни лечения боль заметно уменьшается. Снять болевой синдром помогают и методы рефлексотерапии – иглоукалывание.
                """,
            Consequences = """
                Частое осложнение болевого синдрома в пояснице – нарушение работы мочеполовой системы. Без лечения заболевание может привести к воспалению седалищного нерва, что доставляет пациенту еще больше неудобств.
                """,
        });

        treatment.AddTranslation(new TreatmentTranslation(
            Language.En,
            "lumbar-pain-syndrome",
            "Treatment of lumbar pain syndrome (lumbalgia, lumboishialgia) in the sanatorium Staraya Russa")
        {
            MetaDescription =
                "Treatment of lumbalgia and lumboishialgia in the Staraya Russa sanatorium: physiotherapy, massage and exercise therapy.",
            Lead = """
                Lumbar pain syndrome is a sharp pain that occurs in the lumbar region. Lumbalgia is a chronic aching pain in the lower back; with lumbalgia there is no clear connection between movement and an attack of pain. Lumboishialgia is pain in the lower back that radiates to the legs. The most common causes of lumbar pain syndrome are a sedentary lifestyle, excess weight, hypothermia, injuries and diseases of the internal organs.
                """,
            Description = """
                Usually, the treatment of lumbalgia and lumboishalgia is reduced to the elimination of pain syndromes. Medical treatment is prescribed: analgesics, anti-inflammatory drugs, medications that relieve spasm. During the period of exacerbations, it is also recommended to observe a rest regime and stay in dry heat. Patients are shown sanatorium-resort treatment.

                The programs of sanatorium-resort institutions include a balanced diet, proper sleep conditions, measures to harden and strengthen the body. Medical support of the body is also carried out, special physiotherapy, massages, and physical therapy are prescribed. Some sanatoriums offer acupuncture. Thanks to staying in sanatorium-resort institutions, it is possible to cope with the pain syndrome and prevent the exacerbation of the disease.
                """,
            Contraindications = """
                - Severe forms of bone and joint damage with abundant discharge, severe general phenomena (hectic temperature, severe exhaustion) or amyloidosis of internal organs.
                - Polyarthritis with a progressive process in the joints, with ankylosis, contractures, etc. with irreversible changes in the joints and loss of the ability to self-care. Severe deformities of the joints with secondary sinuses due to the loss of the ability to move independently.
                - Chronic osteomyelitis in the presence of large sequesters or a large foreign metal body in the osteomyelitic focus (the presence of small metal fragments in the surrounding soft tissues is not a contraindication for spa treatment). Septic forms of rheumatoid arthritis, rheumatoid arthritis with systemic lesions (visceritis).
                - [General contraindications that exclude the referral of patients to resorts and local sanatoriums.](/en/info/general-contraindications)
                """,
            Results = """
                Thanks to physiotherapy, the tension of the parotid muscles is reduced. Therefore, already in the first days of treatment, there is a significant reduction in pain. Acupuncture methods – acupuncture - also help to numb the syndrome.
                """,
            Consequences = """
                A common complication of pain syndrome in the lower back is a violation of the performance of the genitourinary system. An untreated disease can lead to inflammation of the sciatic nerve, which causes the patient even more inconvenience.
                """,
        });

        return treatment;
    }

    public static InfoPage GeneralContraindications()
    {
        var page = new InfoPage(InfoPage.GeneralContraindications, 1);

        page.AddTranslation(new InfoPageTranslation(
            Language.Ru, "obshchie-protivopokazaniya", "Общие противопоказания к санаторно-курортному лечению")
        {
            MetaDescription =
                "Общие противопоказания к санаторно-курортному лечению: заболевания и состояния, при которых направление в санаторий невозможно.",
            Body = """
                Санаторно-курортное лечение не назначается при следующих заболеваниях и состояниях:

                - Заболевания в острой и подострой стадии, хронические заболевания в стадии обострения.
                - Острые инфекционные заболевания до окончания периода изоляции.
                - Заболевания, передающиеся половым путем.
                - Бактерионосительство возбудителей инфекционных заболеваний, заразные болезни глаз и кожи, паразитарные заболевания.
                - Туберкулез любой локализации в активной стадии.
                - Кровотечения, в том числе часто повторяющиеся или обильные.
                - Кахексия любого происхождения.
                - Злокачественные новообразования, требующие противоопухолевого лечения, в том числе химиотерапии.
                - Эпилепсия с частыми приступами, в том числе резистентная к лечению; эпилепсия с ремиссией менее шести месяцев.
                - Психические расстройства и расстройства поведения в состоянии обострения или нестойкой ремиссии, в том числе представляющие опасность для пациента и окружающих; расстройства, вызванные употреблением психоактивных веществ.
                - Заболевания со стойким болевым синдромом, требующим постоянного приема наркотических и психотропных лекарственных препаратов.
                - Неизлечимые прогрессирующие заболевания и состояния, требующие оказания паллиативной медицинской помощи.
                - Состояния, при которых пациент не может самостоятельно передвигаться и обслуживать себя и нуждается в постоянном постороннем уходе.
                - Беременность в поздние сроки, а для отдельных процедур (например, грязелечения) – беременность в любом сроке.

                Возможность санаторно-курортного лечения в каждом случае определяет врач, а для поступления в санаторий необходима санаторно-курортная карта.
                """,
        });

        page.AddTranslation(new InfoPageTranslation(
            Language.En, "general-contraindications", "General contraindications to sanatorium-resort treatment")
        {
            MetaDescription =
                "General contraindications to sanatorium-resort treatment: diseases and conditions that exclude a referral to a sanatorium.",
            Body = """
                Sanatorium-resort treatment is not prescribed for the following diseases and conditions:

                - Diseases in the acute and subacute stage, and chronic diseases in the stage of exacerbation.
                - Acute infectious diseases until the end of the isolation period.
                - Sexually transmitted diseases.
                - Carriage of infectious agents, contagious diseases of the eyes and skin, parasitic diseases.
                - Active tuberculosis of any location.
                - Bleeding, including frequently recurring or profuse bleeding.
                - Cachexia of any origin.
                - Malignant neoplasms that require antitumour treatment, including chemotherapy.
                - Epilepsy with frequent seizures, including epilepsy resistant to treatment, and epilepsy with a remission of less than six months.
                - Mental and behavioural disorders in exacerbation or unstable remission, including those that endanger the patient or others, and disorders caused by the use of psychoactive substances.
                - Diseases with persistent pain that requires regular use of narcotic and psychotropic medicines.
                - Incurable progressive diseases and conditions that require palliative care.
                - Conditions in which the patient cannot move about or look after themselves and needs constant care from others.
                - Late pregnancy, and for some procedures (for example, mud therapy) pregnancy of any term.

                The doctor decides in each case whether sanatorium-resort treatment is possible, and a sanatorium-resort card is required for admission.
                """,
        });

        return page;
    }
}
