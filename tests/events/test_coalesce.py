"""Which candidates of one article coalesce: checks on hand-made candidates."""

from __future__ import annotations

from datetime import date

from event_helpers import run

from marsad.document import Mention, Span
from marsad.events.coalesce import coalesce
from marsad.events.model import ActorRef, Candidate
from marsad.kb.model import Actor

HEZBOLLAH = Actor("lb.hezbollah", "Hezbollah", 2, "militia", "Lebanon")
ISRAELI_ARMY = Actor("tmpl.military.IL", "Military Forces of Israel", 1, "state", "Israel",
                     template="military")
SHELLING = "Shelling/artillery/missile attack"


def _told(sentence: int, start: int, family: str, trigger_key: str, actor: Actor,
          category: str) -> Candidate:
    """A shelling told in a sentence of its own, by an actor named in it."""
    span = Span(start, start + 80)
    trigger = Mention("trigger", start + 20, start + 28, "قصف", trigger_key)
    return Candidate(sub=SHELLING, family=family, trigger=trigger, sentence=sentence,
                     clause=span, evidence=[span], sentences={sentence},
                     actor1=ActorRef(actor, actor.name, start + 2, start + 10,
                                     category=category))


def test_each_side_shelling_the_other_is_two_happenings() -> None:
    # "استهدفوا الثكنة بصاروخين" (an attack verb, typed by its missiles) and "قصفت المدفعية
    # الإسرائيلية أطراف البلدة": the same day and within a few kilometres, but two hands
    hezbollah = _told(5, 400, "attack", "attack", HEZBOLLAH, "armed")
    israel = _told(7, 600, "strike", "shelling", ISRAELI_ARMY, "state")
    assert len(coalesce([hezbollah, israel])) == 2


def test_one_sides_shelling_told_twice_is_one_happening() -> None:
    first = _told(5, 400, "strike", "shelling", ISRAELI_ARMY, "state")
    again = _told(7, 600, "attack", "attack", ISRAELI_ARMY, "state")
    assert len(coalesce([first, again])) == 1


def test_a_raid_and_shelling_of_two_near_places_stay_apart(resources) -> None:  # type: ignore[no-untyped-def]
    # Beit Lahia and Jabalia camp lie within 2 km of each other
    records = run("استشهد سبعة فلسطينيين فجر اليوم إثر غارة شنتها طائرات الاحتلال الحربية على منزل "
                  "في منطقة مشروع بيت لاهيا شمالي قطاع غزة.\nوفي مخيم جباليا، تدور اشتباكات "
                  "عنيفة وسط قصف مدفعي متواصل يطال مخيم جباليا.", resources)
    by_sub = {r.sub_event_type: r for r in records}
    assert by_sub["Air/drone strike"].location == "Bayt Lāhyā", [(r.sub_event_type, r.location)
                                                                 for r in records]
    assert by_sub["Shelling/artillery/missile attack"].location == "Jabalia camp"


def test_a_raid_joining_a_toll_told_before_keeps_its_own_striker(resources) -> None:  # type: ignore[no-untyped-def]
    # the hospital deaths come first and take the lead's group; the air force's raid on the
    # same day and city joins them, and it is the raid's clause that says who struck
    records = run("مقتل 7 من الحشد الشعبي بكمين لداعش قرب الحويجة\nقتل سبعة من عناصر الحشد "
                  "الشعبي مساء الأحد في كمين نصبه مسلحو تنظيم داعش قرب قضاء الحويجة. وكانت "
                  "حصيلة أولية تحدثت عن مقتل أربعة، قبل أن يفارق ثلاثة من المصابين الحياة في "
                  "مستشفى كركوك العام. كما قصفت طائرات القوة الجوية العراقية، الأحد، مضافات "
                  "يستخدمها مسلحو داعش في منطقة وادي الشاي جنوبي كركوك.", resources,
                  published=date(2018, 4, 9))
    strikes = [r for r in records if r.sub_event_type == "Air/drone strike"]
    assert [r.actor1 for r in strikes] == ["Military Forces of Iraq"], records


def test_raids_on_two_districts_of_one_province_are_two(resources) -> None:  # type: ignore[no-untyped-def]
    # Sahar and Haydan are districts of Saada; a headline naming the province joins neither
    records = run("غارات للتحالف على صعدة\nاستهدفت غارة جوية لطيران التحالف أمس سيارة على الطريق "
                  "العام في مديرية سحار، ما أدى إلى مقتل ثلاثة أشخاص. كما شنت مقاتلات التحالف "
                  "غارات مماثلة أمس على مديرية حيدان غرب صعدة، من دون أن ترد معلومات عن ضحايا.",
                  resources)
    places = sorted(r.location for r in records if r.sub_event_type == "Air/drone strike")
    assert places == ["Haydan", "Sahar"], [(r.sub_event_type, r.location) for r in records]
