"""Cue sets matched together find what each set finds alone."""

from __future__ import annotations

from marsad.document import Article
from marsad.pipeline import process
from marsad.text.normalise import normalise
from marsad.text.tokenise import tokenise

SENTENCES = (
    "وقال مصدر عسكري لوكالة الأنباء الألمانية إن القوات اشتبكت مع مسلحين في مدينة موسيمبوا.",
    "أحرق متظاهرون مبنى المجلس في قضاء القرنة، التي تبعد 74 كم من مدينة البصرة.",
    "قتل ثلاثة جنود وأصيب آخرون في هجوم بعبوة ناسفة استهدف دورية للجيش صباح اليوم.",
    "ونفى المتحدث باسم الشرطة وقوع أي اشتباكات، مؤكداً أن الوضع تحت السيطرة.",
)


def test_sets_matched_together_find_what_each_finds_alone(resources) -> None:  # type: ignore[no-untyped-def]
    for sentence in SENTENCES * 2:  # the second time from the memos
        tokens = tokenise(normalise(sentence))
        together = resources.cue_sets.find_tokens(tokens, sentence)
        alone = [cue_set.find_tokens(tokens, sentence) for cue_set in resources.cue_sets.sets]
        assert together == alone
        assert any(together)


def test_no_article_on_a_verb(resources) -> None:  # type: ignore[no-untyped-def]
    # "آليتهم" (their vehicle) read without its "article" would be "يتهم" (he accuses), and
    # "الطالبات" (the students) are no demand
    document = process(Article(id="t", text="فجر مسلحون آليتهم قرب الطالبات أمس."), resources)
    assert [m.key for m in document.of_kind("cue")] == []


def test_drones_written_with_the_shadda_are_no_marches(resources) -> None:  # type: ignore[no-untyped-def]
    document = process(Article(id="t", text="أسقطت الدفاعات الجوية ثلاث مسيّرات فوق المدينة."),
                       resources)
    assert "protest" not in {resources.trigger_info[m.key].family
                             for m in document.of_kind("trigger")}


def test_a_seller_is_no_pledge_of_allegiance(resources) -> None:  # type: ignore[no-untyped-def]
    # folded, "بائع" (a seller) is spelled as "بايع" (pledged allegiance)
    document = process(Article(id="t", text="قتل بائع متجول برصاص مجهولين أمس."), resources)
    assert "change" not in {resources.trigger_info[m.key].family
                            for m in document.of_kind("trigger")}
