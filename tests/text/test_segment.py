"""Sentence segmentation on Arabic news punctuation, quotes, numbers and newlines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.segment import MAX_QUOTE_SPAN, segment


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in segment(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل جندي. وأصيب آخر.", ["قتل جندي.", "وأصيب آخر."]),
        ("هل انتهت المعارك؟ لا أحد يعرف!  وتستمر الاشتباكات",
         ["هل انتهت المعارك؟", "لا أحد يعرف!", "وتستمر الاشتباكات"]),
        # a headline without a full stop ends at its line
        ("مقتل ثلاثة في درعا\n\nقتل ثلاثة أشخاص اليوم.",
         ["مقتل ثلاثة في درعا", "قتل ثلاثة أشخاص اليوم."]),
        # a decimal point is not a sentence end
        ("بلغت الخسائر 3.5 مليون دولار. وقال المسؤول",
         ["بلغت الخسائر 3.5 مليون دولار.", "وقال المسؤول"]),
        # a full stop inside a short «...» quotation does not end the sentence
        ("وقال «انتهى الأمر. سنرد قريبا» ثم غادر القاعة. وبعد ذلك صمت",
         ["وقال «انتهى الأمر. سنرد قريبا» ثم غادر القاعة.", "وبعد ذلك صمت"]),
        ("وقال “انتهى الأمر. سنرد” ثم غادر. وبعد",
         ["وقال “انتهى الأمر. سنرد” ثم غادر.", "وبعد"]),
        # a closing quote right after the full stop stays with its sentence
        ('وأضاف: "لن نتراجع." ثم غادر.', ['وأضاف: "لن نتراجع."', "ثم غادر."]),
        ("وأضاف: «لن نتراجع.» ثم غادر.", ["وأضاف: «لن نتراجع.»", "ثم غادر."]),
        # ellipses, repeated marks and an Arabic question mark followed by a quote
        ("انتظروا... ثم انفجرت العبوة", ["انتظروا...", "ثم انفجرت العبوة"]),
        ("انتظروا… ثم انفجرت العبوة", ["انتظروا…", "ثم انفجرت العبوة"]),
        ("ماذا حدث؟!» سأل أحدهم", ["ماذا حدث؟!»", "سأل أحدهم"]),
        # a quotation left open does not swallow the article
        ("وقال «انتهى الأمر. ثم غادر", ["وقال «انتهى الأمر.", "ثم غادر"]),
        ("", []),
        (" \n\n \t", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_quote_across_a_newline_does_not_join_paragraphs() -> None:
    text = "قال «انتهى الأمر.\nوفي خبر آخر» اندلع حريق."
    assert sentences(text) == ["قال «انتهى الأمر.", "وفي خبر آخر» اندلع حريق."]


def test_long_quotation_is_split() -> None:
    long_quote = "كلام " * (MAX_QUOTE_SPAN // 5 + 10)
    text = f"قال «{long_quote}. {long_quote}» ثم غادر."
    assert len(segment(text)) == 2


def test_offsets_slice_the_original_with_marks_and_controls() -> None:
    text = "\u200fقُتِلَ جنديٌّ.\u200f وأُصيبَ آخرُ؟ «نعم.»"
    found = segment(text)
    assert [text[s.start:s.end] for s in found] == [
        "\u200fقُتِلَ جنديٌّ.", "\u200f وأُصيبَ آخرُ؟", "«نعم.»"]


ALPHABET = [*"قتلجنديوأصيبآخر١٢3.5؟!…«»\"' \n\t", "\u064e", "\u200f"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=80))
def test_sentences_are_ordered_trimmed_and_lose_nothing(text: str) -> None:
    found = segment(text)
    previous_end = 0
    for sentence in found:
        assert previous_end <= sentence.start < sentence.end <= len(text)
        piece = text[sentence.start:sentence.end]
        assert piece == piece.strip()
        assert text[previous_end:sentence.start].strip() == ""
        previous_end = sentence.end
    assert text[previous_end:].strip() == ""
