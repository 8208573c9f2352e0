"""Cue sets matched together find what each set finds alone."""

from __future__ import annotations

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
