"""Happenings told apart: another incident's words, an operation launched now, on short texts
written for these tests."""

from __future__ import annotations

from event_helpers import run


def test_another_incident_is_not_merged_into_the_one_told_before(resources) -> None:  # type: ignore[no-untyped-def]
    # the village lies inside the province of the first attack, and neither has a date of
    # its own: only "وفي حادث منفصل" keeps them apart
    records = run("مقتل جنديين بهجوم في ديالى\nقُتل جنديان عراقيان وأصيب ثالث في هجوم شنه "
                  "مسلحون على نقطة تفتيش للجيش في محافظة ديالى مساء الأحد، بحسب مصدر أمني. "
                  "وفي حادث منفصل، هاجم مسلحون مجهولون منزل مختار قرية الهويدر قرب بعقوبة، "
                  "وقتلوه مع ابنه.", resources)
    assert len(records) == 2
    by_place = {r.location: r for r in records}
    assert by_place["Diyala"].actor2 == "Military Forces of Iraq"
    assert by_place["Diyala"].fatalities == 2
    assert by_place["Al-Hawidr"].actor2 == "Civilians (Iraq)"


def test_a_headline_item_takes_the_separate_incident_it_names(resources) -> None:  # type: ignore[no-untyped-def]
    records = run("مقتل جنديين بانفجار عبوة ناسفة في ديالى وخطف مختار قرية\nقُتل جنديان عراقيان "
                  "بانفجار عبوة ناسفة استهدفت دوريتهم قرب بعقوبة مساء الأحد. وفي حادث منفصل، "
                  "خطف مسلحون مجهولون مختار قرية الهويدر واقتادوه إلى جهة مجهولة.", resources)
    assert sorted(r.sub_event_type for r in records) == [
        "Abduction/forced disappearance", "Remote explosive/landmine/IED"]


def test_an_operation_launched_now_is_no_background(resources) -> None:  # type: ignore[no-untyped-def]
    records = run("العراق: تطورات أمنية في عدد من المحافظات\nعقدت اللجنة الأمنية في البرلمان "
                  "العراقي، اليوم الثلاثاء، اجتماعاً لبحث الأوضاع في المحافظات الشمالية.\nوفي "
                  "كركوك، أعلنت خلية الإعلام الأمني إصابة جنديين بانفجار عبوة ناسفة استهدفت "
                  "دوريتهم في قضاء الحويجة غربي المحافظة مساء أمس الاثنين، مشيرة إلى انطلاق "
                  "عملية تفتيش في القرى المحيطة.", resources)
    assert [(r.sub_event_type, r.event_date, r.injuries) for r in records] == [
        ("Remote explosive/landmine/IED", "2023-05-15", 2)]
    assert records[0].location == "Al Ḩawījah"
