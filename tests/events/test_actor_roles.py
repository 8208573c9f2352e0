"""Actor1 and actor2 on short sentences written for these tests (issue 4): suspects,
anaphora, separate incidents, sources and offices that are no actor."""

from __future__ import annotations

from datetime import date

from marsad.document import Article
from marsad.pipeline import extract
from marsad.record import EventRecord

PUBLISHED = date(2023, 5, 16)  # a Tuesday


def run(text: str, resources) -> list[EventRecord]:  # type: ignore[no-untyped-def]
    return extract(Article(id="t", text=text, published=PUBLISHED), resources)


def of_sub(records: list[EventRecord], sub: str) -> EventRecord:
    found = [r for r in records if r.sub_event_type == sub]
    assert len(found) == 1, [(r.sub_event_type, r.actor1, r.notes) for r in records]
    return found[0]


def test_arrested_suspects_are_the_second_actor(resources) -> None:  # type: ignore[no-untyped-def]
    record = of_sub(run("أعلنت الشرطة الباكستانية، أمس الاثنين، توقيف ثلاثة مشتبه بهم في مدينة "
                        "لاهور على صلة بتفجير السوق.", resources), "Arrests")
    assert record.actor1 == "Police Forces of Pakistan"
    assert record.actor2 == "Civilians (Pakistan)"
    assert record.actor2_ar == "مشتبه بهم"


def test_claim_with_pronoun_suffix_names_the_attacker(resources) -> None:  # type: ignore[no-untyped-def]
    records = run("شهدت مدينة بلدوين توتراً أمنياً خلال الأسابيع الماضية.\n\nوقال مسؤول محلي "
                  "للصحفيين إن مسلحين اثنين أطلقا النار، مساء الاثنين، على زعيم عشائري أمام "
                  "منزله في المدينة، ما أدى إلى مقتله على الفور.\n\nوتبنته حركة الشباب في بيان "
                  "بثته إذاعة موالية لها.", resources)
    record = of_sub(records, "Attack")
    assert record.actor1 == "Al Shabaab"  # "تبنته": a claim with the object pronoun on it
