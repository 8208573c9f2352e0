"""Folding for matching, and the map from folded offsets back to the original text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import marsad.text.normalise as normalise_module
from marsad.text.normalise import fold, normalise

# Text that looks like Arabic news plus everything the folding touches.
ARABIC_ALPHABET = (
    [chr(c) for c in range(0x0620, 0x064B)]  # letters incl. hamza forms, ta marbuta, alef maqsura
    + [chr(c) for c in range(0x064B, 0x0653)]  # harakat
    + [chr(c) for c in range(0x0660, 0x066D)]  # Arabic-Indic digits and separators
    + [chr(c) for c in range(0x06F0, 0x06FA)]  # Persian digits
    + list("ـٱکیۀ٪،؛؟«»\"'.-: \n0123456789ABCxyz")
    + ["\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u202b", "\u202c", "\u2067"]
    + ["\ufefb", "\ufef5", "\ufe8d", "\ufee3", "\ufdf2", "\ufdfa", "\ufc5e", "\u0670"]
)
arabic_text = st.text(alphabet=st.sampled_from(ARABIC_ALPHABET), max_size=60)
any_text = st.one_of(st.text(max_size=40), arabic_text)


def aligned(origin: tuple[int, ...], index: int) -> bool:
    """True when folded offset `index` falls between the folds of two original characters."""
    return index in (0, len(origin)) or origin[index - 1] != origin[index]


@settings(max_examples=300, deadline=None)
@given(any_text, st.data())
def test_every_folded_span_maps_back_to_its_original_characters(text: str, data: st.DataObject
                                                                ) -> None:
    normalised = normalise(text)
    folded = normalised.text
    assert folded == fold(text)
    assert len(normalised.origin) == len(folded)
    assert list(normalised.origin) == sorted(normalised.origin)
    start = data.draw(st.integers(0, len(folded)))
    end = data.draw(st.integers(start, len(folded)))
    o_start, o_end = normalised.to_original(start, end)
    assert 0 <= o_start <= o_end <= len(text)
    if start == end:
        assert o_start == o_end
        return
    # The original characters fold to (at least) the folded span ...
    assert folded[start:end] in fold(text[o_start:o_end])
    # ... and to exactly it when the span does not cut one character's fold in two.
    if aligned(normalised.origin, start) and aligned(normalised.origin, end):
        assert fold(text[o_start:o_end]) == folded[start:end]


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_origin_is_where_each_folded_character_comes_from(text: str) -> None:
    expected = [index for index, ch in enumerate(text) for _ in fold(ch)]
    assert list(normalise(text).origin) == expected


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@pytest.mark.parametrize(
    ("original", "folded"),
    [
        # diacritics (harakat, tanween, shadda, sukun, superscript alef)
        ("قُتِلَ", "قتل"),
        ("مُسَلَّحٌ", "مسلح"),
        ("هٰذا", "هذا"),
        # tatweel
        ("الجـــيش", "الجيش"),
        # hamza forms
        ("أعلن", "اعلن"),
        ("إطلاق", "اطلاق"),
        ("آلاف", "الاف"),
        ("ٱلله", "الله"),
        ("مسؤول", "مسوول"),
        ("رئيس", "رييس"),
        ("شيء", "شيء"),  # a bare hamza stays
        # ta marbuta, alef maqsura, Persian letters
        ("مدينة", "مدينه"),
        ("مستشفى", "مستشفي"),
        ("کرمانشاہ", "كرمانشاه"),
        ("یمن", "يمن"),
        # Arabic-Indic and Persian digits, Arabic punctuation
        ("١٢٣٤٥٦٧٨٩٠", "1234567890"),
        ("۱۲۳۴۵۶۷۸۹۰", "1234567890"),
        ("٣٫٥٪", "3.5%"),
        ("قال، ثم؟ نعم؛", "قال, ثم? نعم;"),
        # presentation forms: lam-alef ligatures, isolated letters, the Allah ligature
        ("\ufefb", "لا"),
        ("\ufef5", "لا"),
        ("\ufecb\ufeb8\ufeae\ufe93", "عشره"),
        ("\ufdf2", "الله"),
        # bidi and zero-width controls, byte-order mark
        ("\u200fقتل\u200e 3", "قتل 3"),
        ("\u202bالموصل\u202c", "الموصل"),
        ("\u2067بغداد\u2069", "بغداد"),
        ("\ufeffخبر\u200cعاجل\u200d", "خبرعاجل"),
        # Latin is lower-cased
        ("ISIS", "isis"),
    ],
)
def test_folds(original: str, folded: str) -> None:
    assert fold(original) == folded
    normalised = normalise(original)
    assert normalised.text == folded
    # every folded character comes from an original character that folds to contain it
    for index, char in enumerate(normalised.text):
        assert char in fold(original[normalised.origin[index]])


def test_offsets_skip_dropped_characters() -> None:
    text = "قُتِلَ ثلاثة"
    normalised = normalise(text)
    assert normalised.text == "قتل ثلاثه"
    assert normalised.origin[:3] == (0, 2, 4)
    start = normalised.text.index("ثلاثه")
    assert normalised.to_original(start, start + 5) == (7, 12)
    assert text[7:12] == "ثلاثة"


def test_ligature_maps_both_letters_to_one_character() -> None:
    text = "\ufefbجئين"  # ﻻجئين: lam-alef ligature then جئين
    normalised = normalise(text)
    assert normalised.text == "لاجيين"
    assert normalised.origin[:2] == (0, 0)
    assert normalised.to_original(0, 2) == (0, 1)
    assert normalised.to_original(1, 3) == (0, 2)


def test_digits_map_one_to_one() -> None:
    text = "سقط ١٢ قتيلاً و۳ جرحى"
    normalised = normalise(text)
    start = normalised.text.index("12")
    assert text.__getitem__(slice(*normalised.to_original(start, start + 2))) == "١٢"
    start = normalised.text.index("3")
    assert text.__getitem__(slice(*normalised.to_original(start, start + 1))) == "۳"


def test_span_keeps_the_marks_of_its_last_letter() -> None:
    """A span ending on a letter ends after that letter's diacritics, not between them."""
    text = "قُتِلَ ثلاثةٌ"
    normalised = normalise(text)
    assert normalised.to_original(0, 3) == (0, 6)
    assert text[0:6] == "قُتِلَ"
    start = normalised.text.index("ثلاثه")
    o_start, o_end = normalised.to_original(start, start + 5)
    assert text[o_start:o_end] == "ثلاثةٌ"


def test_span_does_not_swallow_a_following_control() -> None:
    text = "بغداد\u200f، أمس"
    normalised = normalise(text)
    assert normalised.to_original(0, 5) == (0, 5)


def test_empty_spans() -> None:
    text = "قَتَلَ"
    normalised = normalise(text)
    assert normalised.to_original(1, 1) == (2, 2)
    assert normalised.to_original(3, 3) == (len(text), len(text))
    assert normalise("").text == ""
    assert normalise("\u064e\u0640\u200f").text == ""


def test_fold_remembers_short_strings_and_folds_them_as_the_table_does(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`fold` keeps a memo of short strings: what it returns is the table's fold whether the
    string was remembered, too long to be, or met again after the memo filled and started over."""
    monkeypatch.setattr(normalise_module, "FOLD_MEMO_SIZE", 3)
    monkeypatch.setattr(normalise_module, "_FOLDED", {})
    long_text = "قُتِلَ جُنْدِيّانِ " * 5
    words = ["الْقُوَّاتُ", "ﻻ", "٣٤ قتيلاً", "إصابةُ", "آلية", long_text]
    for word in words * 2:
        assert fold(word) == word.translate(normalise_module._FOLDS)
    assert long_text not in normalise_module._FOLDED
    assert 0 < len(normalise_module._FOLDED) <= 3
