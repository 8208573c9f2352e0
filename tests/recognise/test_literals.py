"""Required literals: a text lacking them holds no match, so skipping the scan is safe."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.recognise.dates import DateRecogniser
from marsad.recognise.literals import passes, required_literals
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
    return [p.read_text(encoding="utf-8") for p in sorted((REPO / "eval/dev/articles").iterdir())]


def test_every_date_match_passes_its_rule(rec: DateRecogniser) -> None:
    for text in _texts():
        folded = normalise(text).text
        for rule in rec.rules:
            for match in rule.pattern.finditer(folded):
                assert passes(match.group(0), rule.requires), (rule.name, match.group(0))


WORDS = [
    *"اليوم أمس الخميس ليل الجمعة السبت مايو أيار الماضي منذ يومين عام 2020 12 / - من".split(),
    *"الشهر الجاري رمضان عيد الفطر فجر قبل ساعات و بعد الأسبوع نهاية مؤخراً ، 3".split(),
    " ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12))
def test_matches_contain_requirements(rec: DateRecogniser, words: list[str]) -> None:
    folded = normalise(" ".join(words)).text
    for rule in rec.rules:
        for match in rule.pattern.finditer(folded):
            assert passes(match.group(0), rule.requires), (rule.name, match.group(0))
