"""Required literals: a text lacking them holds no match, so skipping the scan is safe."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.recognise.dates import DateRecogniser
from marsad.recognise.literals import DIGIT, first_literals, passes, required_literals
from marsad.text.normalise import normalise

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"abc", [{"abc"}]),
        (r"a(?:b|c)d", [{"a"}, {"d"}, {"b", "c"}]),
        (r"(?:xy)?z+", [{"z"}]),
        (r"\d+", []),
        (r"(?<!\w)(?:jan|feb)\s+\d{4}", [{"jan", "feb"}]),
        (r"(?:one|\d)", []),
        (r"[ab]c", [{"c"}, {"a", "b"}]),
    ],
)
def test_required_literals(pattern: str, expected: list[set[str]]) -> None:
    assert sorted(map(sorted, required_literals(pattern))) == sorted(map(sorted, expected))


def test_ignorecase_requires_nothing() -> None:
    assert required_literals("(?i)abc") == ()
    assert required_literals("abc", re.IGNORECASE) == ()


@pytest.fixture(scope="module")
def rec() -> DateRecogniser:
    return DateRecogniser.from_package_data()


def _texts() -> list[str]:
    folders = [REPO / "eval/dev/articles", REPO.parent / "shared/dev-real/articles"]
    return [
        p.read_text(encoding="utf-8") for f in folders if f.is_dir() for p in sorted(f.iterdir())
    ]


def _same_as_finditer(rec: DateRecogniser, folded: str) -> None:
    for rule, starts in zip(rec.rules, rec.match_starts(folded), strict=True):
        expected = [(m.span(), m.groupdict()) for m in rule.pattern.finditer(folded)]
        found = rule.finditer(folded, starts, {})
        assert [(m.span(), m.groupdict()) for m in found] == expected, rule.name


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"abc", {"abc"}),
        (r"(?:x|yz)?c", {"x", "yz", "c"}),
        (r"(?<!\w)ab(?:c|d)", {"abc", "abd"}),
        (r"\d{1,2} x", {DIGIT}),
        (r"a*b", {"a", "b"}),
        (r"\sb", None),
        (r"(?:a)?", None),
    ],
)
def test_first_literals(pattern: str, expected: set[str] | None) -> None:
    assert first_literals(pattern) == (None if expected is None else frozenset(expected))


def test_every_date_match_passes_its_rule(rec: DateRecogniser) -> None:
    for text in _texts():
        folded = normalise(text).text
        _same_as_finditer(rec, folded)
        for rule in rec.rules:
            for match in rule.pattern.finditer(folded):
                assert passes(match.group(0), rule.requires), (rule.name, match.group(0))


PHRASES = """
اليوم أمس الخميس ليل الجمعة السبت مايو أيار الماضي منذ يومين عام 2020 12 / - من
الشهر الجاري رمضان عيد الفطر فجر قبل ساعات و بعد الأسبوع نهاية مؤخراً ، 3
ب ل وب فل 7 1441 هـ ذو الحجة ليلة أول يوم الأحد الاثنين و2019 5/6/2020 2020-01-02
"""
WORDS = [*PHRASES.split(), " ", "\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12))
def test_matches_contain_requirements(rec: DateRecogniser, words: list[str]) -> None:
    folded = normalise(" ".join(words)).text
    _same_as_finditer(rec, folded)
    _same_as_finditer(rec, folded.replace(" ", ""))
    for rule in rec.rules:
        for match in rule.pattern.finditer(folded):
            assert passes(match.group(0), rule.requires), (rule.name, match.group(0))
