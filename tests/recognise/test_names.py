"""Names found in the text: how places are introduced, and words that only look like names."""

from __future__ import annotations

from datetime import date

from marsad.document import Article, Document, Mention
from marsad.pipeline import process
from marsad.resolve.places import context_countries


def read(text: str, resources) -> Document:  # type: ignore[no-untyped-def]
    return process(Article(id="t", text=text, published=date(2023, 5, 16)), resources)


def place(document: Document, surface: str) -> Mention:
    return next(m for m in document.of_kind("place") if surface in m.text)


def test_an_outlets_adjective_is_no_nationality(resources) -> None:  # type: ignore[no-untyped-def]
    document = read("وقال مصدر عسكري لوكالة الأنباء الألمانية إن القوات اشتبكت مع مسلحين في "
                    "مدينة موسيمبوا دا برايا.", resources)
    assert [m.key for m in document.of_kind("nationality")] == []


def test_that_is_no_albanian(resources) -> None:  # type: ignore[no-untyped-def]
    document = read("وأفادت مصادر محلية بأن المسلحين انسحبوا من البلدة.", resources)
    assert "AL" not in [m.key for m in document.of_kind("nationality")]


def test_a_settlement_noun_inside_the_name_introduces_it(resources) -> None:  # type: ignore[no-untyped-def]
    document = read("أعلنت القوات العراقية تحرير قضاء الرطبة بالكامل.", resources)
    assert place(document, "الرطبة").data["locative"] == "strong"


def test_a_place_after_min_is_a_reference_point(resources) -> None:  # type: ignore[no-untyped-def]
    document = read("أحرق متظاهرون مبنى المجلس في قضاء القرنة، التي تبعد 74 كم من مدينة "
                    "البصرة.", resources)
    assert place(document, "البصرة").data["locative"] == "weak"
    assert place(document, "القرنة").data["locative"] == "strong"


def test_the_capital_is_the_city_not_the_country(resources) -> None:  # type: ignore[no-untyped-def]
    document = read("خرج الآلاف في مسيرات حاشدة بالعاصمة الجزائر أمس.", resources)
    assert place(document, "الجزائر").data["city"] is True
    records = list(document.events)
    assert records and records[0].location == "Algiers"


def test_a_statement_is_no_place_abroad(resources) -> None:  # type: ignore[no-untyped-def]
    # "بيان إن" read as "ب + يان إن" would be Yan'an, China
    document = read("وقالت الأسرة في بيان إن مسلحين داهموا منزلها في حي شميلة بصنعاء.", resources)
    assert "CN" not in context_countries(document, resources.gazetteer)
    assert all(r.country != "China" for r in document.events)


def test_a_lone_homograph_of_a_foreign_city_is_no_second_country(resources) -> None:  # type: ignore[no-untyped-def]
    # "البو" (a tribal prefix in Iraqi place names) is also an Arabic name of Aalborg
    document = read("أفاد مصدر أمني في بغداد بأن عبوة ناسفة انفجرت، أمس، بدورية للجيش العراقي "
                    "في منطقة البو خنفر التابعة لقضاء الطارمية.", resources)
    assert context_countries(document, resources.gazetteer) == ["IQ"]
    assert all(r.country == "Iraq" for r in document.events), [r.location for r in document.events]


def test_martyrs_square_counts_no_dead(resources) -> None:  # type: ignore[no-untyped-def]
    document = read("واصل آلاف اللبنانيين، اليوم الخميس، تظاهراتهم في ساحتي رياض الصلح والشهداء "
                    "وسط بيروت.", resources)
    assert [m.key for m in document.of_kind("trigger")] == ["protest"]
    assert [r.sub_event_type for r in document.events] == ["Peaceful protest"]


def test_a_guess_at_an_unknown_place_is_no_trigger_word(resources) -> None:  # type: ignore[no-untyped-def]
    document = read("أعلنت إدارة مكافحة الإرهاب في الإقليم اعتقال ثلاثة أشخاص في منطقة باجور.",
                    resources)
    assert not any(m.text == "اعتقال" for m in document.of_kind("place"))
    assert [r.sub_event_type for r in document.events] == ["Arrests"]


def test_a_day_naming_a_square_or_a_movement_is_no_date(resources) -> None:  # type: ignore[no-untyped-def]
    for text in ("تجمع المحتجون في ساحة أول نوفمبر وسط المدينة",
                 "دعت حركة 20 فبراير إلى التظاهر"):
        assert not read(text, resources).of_kind("date"), text
    assert read("تظاهر المحتجون في 20 فبراير", resources).of_kind("date")


def test_a_place_named_in_an_outlets_name_is_no_place(resources) -> None:  # type: ignore[no-untyped-def]
    document = process(Article(id="t", text="وذكرت وكالة فارس أن الشرطة اعتقلت عشرة أشخاص."),
                       resources)
    assert [m.text for m in document.of_kind("place")] == []


def test_a_word_with_tanween_is_no_place(resources) -> None:  # type: ignore[no-untyped-def]
    # "جوياً" (by air) is also the Arabic name of a GeoNames place
    document = read("شنت المقاومة هجوماً جوياً بمسيرة انقضاضية على مستعمرة المطلة.", resources)
    assert [m.text for m in document.of_kind("place")] == ["مستعمرة المطلة"]


def test_qatar_is_never_written_with_the_article(resources) -> None:  # type: ignore[no-untyped-def]
    document = read("ضبطت دورية محروقات مهربة من القطر الجزائري، فيما زار الوزير قطر أمس.",
                    resources)
    assert [m.text for m in document.of_kind("place")] == ["قطر"]


def test_a_provinces_name_with_its_noun_tells_the_country(resources) -> None:  # type: ignore[no-untyped-def]
    document = read("أوقفت الوحدات الأمنية بسبيطلة من ولاية القصرين أربعة عناصر.", resources)
    assert context_countries(document, resources.gazetteer, resources.settlements) == ["TN"]


def test_a_dual_town_noun_introduces_the_first_town(resources) -> None:  # type: ignore[no-untyped-def]
    document = read("استهدفت مسيرة سيارة على الطريق بين بلدتي عيتا الجبل وتبنين.", resources)
    assert place(document, "عيتا الجبل").data["locative"] == "strong"


def test_a_bases_name_with_its_own_noun_is_introduced(resources) -> None:  # type: ignore[no-untyped-def]
    document = read("استهدفت المقاومة فجر اليوم قاعدة عين الأسد في محافظة الأنبار.", resources)
    assert place(document, "عين الأسد").data["locative"] == "strong"


def test_fighters_in_a_second_statement_are_the_group_that_spoke_first(resources) -> None:  # type: ignore[no-untyped-def]
    document = read("وقالت المقاومة الإسلامية في لبنان إن مجاهديها استهدفوا آلية تابعة لجيش "
                    "الاحتلال قرب موقع المالكية.\n"
                    "وفي بيان ثان، أكدت أن مجاهديها قصفوا ثكنة زرعيت بصلية صواريخ.", resources)
    fighters = [m.key for m in document.of_kind("actor") if m.text == "مجاهديها"]
    assert fighters == ["lb.hezbollah", "lb.hezbollah"]


def test_a_group_after_the_preposition_lil_is_named(resources) -> None:  # type: ignore[no-untyped-def]
    # "للتحالف": the article's alef is dropped after ل; the name, known only with its article,
    # is the group's all the same
    document = read("وقال مصدر إن مروحيات تابعة للتحالف قصفت مواقع في مديرية صرواح.", resources)
    assert "gulf.coalition" in [m.key for m in document.of_kind("actor")]


def test_the_coalition_is_the_one_of_the_articles_war(resources) -> None:  # type: ignore[no-untyped-def]
    def striker(text: str) -> str | None:
        return read(text, resources).events[0].actor1

    assert striker("شنت طائرات التحالف، أمس الاثنين، غارات على مواقع لتنظيم داعش في مدينة "
                   "الرقة.") == "Global Coalition Against Daesh"
    assert striker("شنت طائرات التحالف، أمس الاثنين، غارات على مواقع للحوثيين في مدينة "
                   "صعدة.") == "Operation Restoring Hope"


def test_a_name_is_read_across_a_hashtag(resources) -> None:  # type: ignore[no-untyped-def]
    document = read("شنت مقاتلات #التحالف ليل الثلاثاء غارات على مواقع للحوثيين في #صعدة، وقال "
                    "الرئيس #عبد_ربه_منصور_هادي إن المعركة مستمرة.", resources)
    actors = {m.text: m.key for m in document.of_kind("actor")}
    assert actors.get("مقاتلات #التحالف") == "gulf.coalition"
    assert [r.actor1 for r in document.events] == ["Operation Restoring Hope"]


def test_an_adjective_after_bi_al_is_a_language(resources) -> None:  # type: ignore[no-untyped-def]
    document = read("قتل دركيان في هجوم شنه انفصاليون مسلحون على مركز للدرك في بلدة مويوكا "
                    "بالمنطقة الجنوبية الغربية الناطقة بالإنكليزية في الكاميرون.", resources)
    assert [m.key for m in document.of_kind("nationality")] == []
    assert "United Kingdom" not in " ".join(str(r.actor1) + str(r.actor2)
                                           for r in document.events)
