"""Tokens: offsets into the original text, folded forms, and the proclitics و ف ب ل ك ال."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import marsad.text.tokenise as tokenise_module
from marsad.text.normalise import fold, normalise
from marsad.text.tokenise import (
    Token,
    clitic_split,
    lookup_keys,
    name_key,
    strip_article,
    tokenise,
)


def tokens(text: str) -> list[Token]:
    found = tokenise(normalise(text))
    for token in found:  # offsets always slice the original to the token's word
        assert 0 <= token.start < token.end <= len(text)
        assert fold(text[token.start:token.end]) == token.norm
    return found


def surfaces(text: str) -> list[str]:
    return [text[t.start:t.end] for t in tokens(text)]


@pytest.mark.parametrize(
    ("word", "split"),
    [
        ("للقوات", ("لل", "قوات")),
        ("الجيش", ("ال", "جيش")),
        ("بالمدينه", ("بال", "مدينه")),
        ("كالعاده", ("كال", "عاده")),
        ("فالمسلحون", ("فال", "مسلحون")),
        ("والجيش", ("وال", "جيش")),
        ("والقوات", ("وال", "قوات")),
        ("واليمن", ("وال", "يمن")),
        ("وبالمدينه", ("وبال", "مدينه")),
        ("وللقوات", ("ولل", "قوات")),
        ("فقتلي", ("ف", "قتلي")),
        ("وقتلي", ("و", "قتلي")),
        # too short to carry a clitic, or a word that starts with the letters
        ("وقال", ("", "وقال")),
        ("بلد", ("", "بلد")),
        ("الي", ("", "الي")),
        ("واشنطن", ("", "واشنطن")),
        ("والي", ("", "والي")),
        ("والده", ("", "والده")),
        ("لبنان", ("", "لبنان")),
    ],
)
def test_clitic_split(word: str, split: tuple[str, str]) -> None:
    assert clitic_split(word) == split


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("للقوات", "قوات"),
        ("والجيش", "جيش"),
        ("بالموصل", "موصل"),
        ("وبغداد", "بغداد"),
        ("لبغداد", "بغداد"),
        ("كالعاده", "عاده"),
        ("فالمسلحون", "مسلحون"),
        ("متظاهرا", "متظاهر"),
    ],
)
def test_lookup_keys_include_the_bare_stem(word: str, key: str) -> None:
    keys = lookup_keys(word)
    assert keys[0] == strip_article(word)
    assert key in keys


def test_lookup_keys_keep_the_word_itself() -> None:
    assert lookup_keys("بغداد")[0] == "بغداد"
    assert "غداد" in lookup_keys("بغداد")  # the ب reading is offered, the matcher decides


def test_name_key() -> None:
    assert name_key("الجيش السوري") == ("جيش", "سوري")
    assert name_key("قوات الدعم السريع") == ("قوات", "دعم", "سريع")
    assert name_key("مُحافظةُ ذي قار") == ("محافظه", "ذي", "قار")


def test_clitics_on_tokens() -> None:
    found = tokens("وقالت مصادر للقوات الأمنية إن الاشتباكات والقصف طالت بالموصل")
    by_word = {t.norm: (t.prefix, t.stem) for t in found}
    assert by_word["للقوات"] == ("لل", "قوات")
    assert by_word["الامنيه"] == ("ال", "امنيه")
    assert by_word["والقصف"] == ("وال", "قصف")
    assert by_word["بالموصل"] == ("بال", "موصل")


def test_number_glued_to_conjunction() -> None:
    text = "قتل 3 وأصيب و11 آخرون"
    found = tokens(text)
    assert [t.norm for t in found] == ["قتل", "3", "واصيب", "و", "11", "اخرون"]
    glued = found[3:5]
    assert [text[t.start:t.end] for t in glued] == ["و", "11"]
    assert [t.is_number for t in glued] == [False, True]


def test_numbers() -> None:
    text = "بلغ العدد ١٢ و۳۴ ثم 3.5 و1,200 شخص"
    found = tokens(text)
    numbers = [(t.norm, text[t.start:t.end]) for t in found if t.is_number]
    assert numbers == [("12", "١٢"), ("34", "۳۴"), ("3.5", "3.5"), ("1,200", "1,200")]


def test_quotes_are_not_tokens() -> None:
    text = "وصف بـ«المطلع» و\"الموثوق\" أيضا"
    assert surfaces(text) == ["وصف", "ب", "المطلع", "و", "الموثوق", "أيضا"]


def test_mixed_latin() -> None:
    text = "أعلنت وكالة Reuters أن تنظيم ISIS-K تبنى الهجوم"
    found = tokens(text)
    assert [t.norm for t in found][2:6] == ["reuters", "ان", "تنظيم", "isis"]
    assert surfaces(text)[2] == "Reuters"
    assert surfaces(text)[5:7] == ["ISIS", "K"]


def test_tatweel_marks_and_ligatures_stay_inside_the_token() -> None:
    text = "الجـــيش قُتِلَ مسلحاً \ufefbجئين"
    assert surfaces(text) == ["الجـــيش", "قُتِلَ", "مسلحاً", "\ufefbجئين"]
    assert [t.norm for t in tokens(text)] == ["الجيش", "قتل", "مسلحا", "لاجيين"]


def test_bidi_controls_are_outside_tokens() -> None:
    text = "\u200fالموصل\u200f، \u202bبغداد\u202c"
    assert surfaces(text) == ["الموصل", "بغداد"]


ALPHABET = [
    *"قتلجنديوأإآؤئءةىبالمصكف٠١٢٣۴۵0123456789abcXYZ.,،؛؟!«»\"'-:/ \n",
    "\u064b", "\u064e", "\u0650", "\u0651", "\u0652", "\u0640", "\u200f", "\u200c", "\ufefb",
]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=80))
def test_offsets_always_slice_the_original(text: str) -> None:
    found = tokens(text)  # checks each slice folds to the token
    for left, right in itertools.pairwise(found):
        assert left.end <= right.start
    for token in found:
        assert token.prefix + token.stem == token.norm
        assert token.norm


def test_tokens_made_in_bulk_equal_tokens_made_one_by_one() -> None:
    made = tokenise(normalise("قصف والبصره"))
    assert made[1] == Token(4, 11, "والبصره", "وال", "بصره")
    assert hash(made[1]) == hash(Token(4, 11, "والبصره", "وال", "بصره"))
    assert type(made[1]) is Token and made[1].stem == "بصره"


def test_tokens_of_a_text_with_harakat_keep_the_marks_in_their_span() -> None:
    text = "قُتِلَ ثلاثة"
    made = tokenise(normalise(text))
    assert [text[t.start : t.end] for t in made] == ["قُتِلَ", "ثلاثة"]
    assert made[0].norm == "قتل"


def test_kaf_is_a_proclitic_only_before_the_article() -> None:
    assert "ريم" not in lookup_keys("كريم")  # a first name, not Rome
    assert "عاده" in lookup_keys("كالعاده")


def test_tokens_are_the_same_whether_their_splits_were_remembered(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`tokenise` remembers each spelling's clitic split; a memo that fills and starts over in
    the middle of a text changes no token."""
    text = "وبالقوات الأمنية، واعتقلت للشرطة والمسلحين في البصرة وبالبصرة"
    expected = [(t.start, t.end, t.norm, *clitic_split(t.norm)) for t in tokens(text)]
    monkeypatch.setattr(tokenise_module, "SPLIT_MEMO_SIZE", 2)
    monkeypatch.setattr(tokenise_module, "_SPLITS", {})
    for _ in range(2):
        assert [tuple(t) for t in tokens(text)] == expected
    assert 0 < len(tokenise_module._SPLITS) <= 2
